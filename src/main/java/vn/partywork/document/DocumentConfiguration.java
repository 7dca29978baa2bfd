package vn.partywork.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.document.internal.FileStore;
import vn.partywork.document.internal.FilesystemFileStore;

/** The file store: plain files under {@code partywork.document.dir} (see the package comment for encryption). */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    FileStore fileStore(DocumentSettings settings, JdbcClient jdbc) {
        return new FilesystemFileStore(settings.dir(), jdbc);
    }
}
