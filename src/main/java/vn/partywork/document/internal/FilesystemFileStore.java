package vn.partywork.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files on the local disk (plain, or the ciphertext of classified files), content-addressed: {@code <dir>/ab/cd/<sha256>}. The same content
 * uploaded twice is kept once. A file is written to a temporary name and moved into place, so a
 * reader never sees half a file. When the transaction that stored a new file rolls back, the file
 * is deleted again unless a committed row refers to it.
 */
public class FilesystemFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(FilesystemFileStore.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final JdbcClient jdbc;

    public FilesystemFileStore(Path root, JdbcClient jdbc) {
        this.root = root.toAbsolutePath().normalize();
        this.jdbc = jdbc;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("document directory " + this.root, e);
        }
    }

    @Override
    public String put(String sha256, byte[] content) {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return sha256;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), sha256, ".part");
            try {
                Files.write(temp, content);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing " + sha256, e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        removeUnreferenced(sha256);
                    }
                }
            });
        }
        return sha256;
    }

    @Override
    public byte[] get(String storageKey) {
        try {
            return Files.readAllBytes(path(storageKey));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + storageKey, e);
        }
    }

    private void removeUnreferenced(String key) {
        boolean referenced = jdbc.sql("SELECT EXISTS (SELECT 1 FROM document.document WHERE storage_key = :key)")
                .param("key", key)
                .query(Boolean.class)
                .single();
        if (!referenced) {
            try {
                Files.deleteIfExists(path(key));
            } catch (IOException e) {
                log.warn("Could not remove the file of a rolled-back upload {}", key, e);
            }
        }
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("storage key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
