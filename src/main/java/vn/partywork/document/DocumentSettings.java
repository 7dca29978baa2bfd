package vn.partywork.document;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the document store.
 *
 * @param dir where the files are kept (default {@code ./data/documents}); back it up with the database
 * @param maxSize the largest file accepted (default 10 MB)
 * @param masterKeys the master keys that wrap the data keys of classified files, key id → base64 of
 *     32 bytes (P-DOC-1); when empty, {@code keyFile} is used. Never in the repository: pass them
 *     through the environment ({@code PARTYWORK_DOCUMENT_MASTERKEYS_<ID>}) or a protected file
 * @param activeKeyId which master key wraps new data keys; may be left empty with a single key
 *     (with a key file: its last line)
 * @param keyFile where the master keys are kept when none is configured (default
 *     {@code ./data/document-keys}, created with one random key on first start)
 */
@ConfigurationProperties("partywork.document")
record DocumentSettings(
        @DefaultValue("./data/documents") Path dir,
        @DefaultValue("10MB") DataSize maxSize,
        @Nullable Map<String, String> masterKeys,
        @DefaultValue("") String activeKeyId,
        @DefaultValue("./data/document-keys") Path keyFile) {}
