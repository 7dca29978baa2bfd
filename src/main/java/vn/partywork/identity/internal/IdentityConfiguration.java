package vn.partywork.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);
    private static final int KEY_BYTES = 32;

    static final String ARGON2 = "argon2";

    /** Argon2id; hashes carry their "{argon2}" id so that a later default can upgrade them. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /** P-ID-4: the key of the TOTP secrets comes from configuration, or from a key file made on first start. */
    @Bean
    SecretBox mfaSecretBox(IdentitySettings settings) {
        IdentitySettings.Mfa mfa = settings.mfa();
        String encoded = mfa.key().isBlank()
                ? keyFromFile(Path.of(mfa.keyFile()))
                : mfa.key().strip();
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("partywork.identity.mfa.key must be base64 of 32 bytes (AES-256)");
        }
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    private static String keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own protection has to do.
            }
            log.warn(
                    "Generated a new MFA encryption key in {}; keep it with the database backups",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the MFA key file " + file, e);
        }
    }
}
