package vn.partywork.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the document store.
 *
 * @param dir where the files are kept (default {@code ./data/documents}); back it up with the database
 * @param maxSize the largest file accepted (default 10 MB)
 */
@ConfigurationProperties("partywork.document")
record DocumentSettings(
        @DefaultValue("./data/documents") Path dir,
        @DefaultValue("10MB") DataSize maxSize) {}
