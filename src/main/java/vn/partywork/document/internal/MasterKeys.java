package vn.partywork.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys (AES-256) that wrap the per-file data keys of classified files (P-DOC-1, issue 6
 * item 5), each under an id that is stored with every file it wraps. Either configured
 * ({@code partywork.document.master-keys.<id>=<base64>} and {@code active-key-id}; the application
 * only reads them) or, when none is configured, kept in a key file outside the repository
 * ({@code partywork.document.key-file}, one {@code <id>=<base64>} line per key, the last line
 * active), which is created with one random key on first start. {@link #addGeneratedKey} appends a
 * new active key to that file (key rotation); configured keys rotate by configuration.
 */
public final class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final @Nullable Path keyFile;
    private volatile Map<String, SecretKey> keys;
    private volatile String activeId;

    private MasterKeys(@Nullable Path keyFile, Map<String, SecretKey> keys, String activeId) {
        this.keyFile = keyFile;
        this.keys = Map.copyOf(keys);
        this.activeId = activeId;
        if (!keys.containsKey(activeId)) {
            throw new IllegalStateException(
                    "partywork.document.active-key-id " + activeId + " is not among the master keys");
        }
    }

    /** Keys given in configuration; with more than one, {@code activeId} must name the active one. */
    public static MasterKeys configured(Map<String, String> base64Keys, String activeId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        base64Keys.forEach((id, value) -> keys.put(checkedId(id), decode(id, value)));
        String active = activeId.isBlank() && keys.size() == 1
                ? keys.keySet().iterator().next()
                : activeId;
        return new MasterKeys(null, keys, active);
    }

    /** Keys kept in {@code file}; the file is created with one random key when it does not exist. */
    public static MasterKeys fromFile(Path file, String activeId) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            appendRandomKey(path, "local-1");
            log.warn(
                    "No document master key was configured: generated one in {} (P-DOC-1). Keep this file out of the"
                            + " repository and back it up with the database; without it classified files cannot be read.",
                    path);
        }
        Map<String, SecretKey> keys = read(path);
        String active = activeId.isBlank() ? List.copyOf(keys.keySet()).get(keys.size() - 1) : activeId;
        return new MasterKeys(path, keys, active);
    }

    /** Whether the keys live in the key file, where {@link #addGeneratedKey} can add one. */
    public boolean keptInFile() {
        return keyFile != null;
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    /** The key with this id; {@link IllegalStateException} when it is not (or no longer) configured. */
    public SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("document master key " + id + " is not configured");
        }
        return key;
    }

    /**
     * Rotation with a key file: appends a new random key and makes it active; returns its id. With
     * configured keys there is nothing to generate ({@link IllegalStateException}).
     */
    public synchronized String addGeneratedKey() {
        if (keyFile == null) {
            throw new IllegalStateException("master keys come from configuration: add the new key there");
        }
        int n = keys.size() + 1;
        String id = "local-" + n;
        while (keys.containsKey(id)) {
            id = "local-" + ++n;
        }
        appendRandomKey(keyFile, id);
        Map<String, SecretKey> reread = read(keyFile);
        keys = Map.copyOf(reread);
        activeId = id;
        log.warn("Generated document master key {} in {}; it is now the active key", id, keyFile);
        return id;
    }

    private static void appendRandomKey(Path path, String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String line = id + "=" + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            boolean created = !Files.exists(path);
            Files.writeString(
                    path, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (created) {
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions protect the file
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("document master key file " + path, e);
        }
    }

    private static Map<String, SecretKey> read(Path path) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(
                            "document master key file " + path + ": a line is not <id>=<base64>");
                }
                String id = checkedId(trimmed.substring(0, eq));
                keys.put(id, decode(id, trimmed.substring(eq + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("document master key file " + path, e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("document master key file " + path + " holds no key");
        }
        return keys;
    }

    private static String checkedId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException("document master key id '" + id + "': letters, digits, . _ - (1-64)");
        }
        return id;
    }

    private static SecretKey decode(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("document master key " + id + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("document master key " + id + " must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
