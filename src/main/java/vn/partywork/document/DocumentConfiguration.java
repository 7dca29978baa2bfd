package vn.partywork.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.document.internal.FileCipher;
import vn.partywork.document.internal.FileStore;
import vn.partywork.document.internal.FilesystemFileStore;
import vn.partywork.document.internal.MasterKeys;

/**
 * The file store (files under {@code partywork.document.dir}) and the envelope encryption of
 * classified files with the master keys of the configuration or of the key file.
 */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    FileStore fileStore(DocumentSettings settings, JdbcClient jdbc) {
        return new FilesystemFileStore(settings.dir(), jdbc);
    }

    @Bean
    MasterKeys documentMasterKeys(DocumentSettings settings) {
        return settings.masterKeys() == null || settings.masterKeys().isEmpty()
                ? MasterKeys.fromFile(settings.keyFile(), settings.activeKeyId())
                : MasterKeys.configured(settings.masterKeys(), settings.activeKeyId());
    }

    @Bean
    FileCipher documentFileCipher(MasterKeys keys) {
        return new FileCipher(keys);
    }
}
