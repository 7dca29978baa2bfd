package vn.partywork.document.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Envelope encryption of classified files (P-DOC-1, issue 6 item 5): each file gets a random
 * AES-256 data key; the content is encrypted with AES-256-GCM under it, and the data key is wrapped
 * with the active master key (AES key wrap, RFC 3394). The wrapped key and the master key's id are
 * kept in the file's row, so a rotation re-wraps 40 bytes per file and never touches the content.
 *
 * <p>On disk: {@code 0x01 ‖ 12-byte nonce ‖ ciphertext ‖ 16-byte tag}. The associated data binds the
 * ciphertext to the plain content's SHA-256 and classification as recorded in the row, so a changed
 * row, a swapped file or a flipped bit all fail the tag check.
 */
public final class FileCipher {

    /** The data key wrapped under a master key, and the ciphertext as it goes to disk. */
    public record Sealed(byte[] stored, String keyId, byte[] wrappedKey) {}

    /** The file does not decrypt: changed on disk, or its row no longer matches it. */
    public static final class IntegrityFailure extends Exception {
        IntegrityFailure(Throwable cause) {
            super("the encrypted file does not authenticate", cause);
        }
    }

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKeys masterKeys;
    private final SecureRandom random = new SecureRandom();

    public FileCipher(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    public Sealed seal(byte[] plain, String sha256, String classification) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey dataKey = generator.generateKey();
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(sha256, classification));
            byte[] sealed = cipher.doFinal(plain);
            byte[] stored = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
            String keyId = masterKeys.activeId();
            return new Sealed(stored, keyId, wrap(dataKey, masterKeys.key(keyId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption of a document failed", e);
        }
    }

    public byte[] open(byte[] stored, String keyId, byte[] wrappedKey, String sha256, String classification)
            throws IntegrityFailure {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IntegrityFailure(new IllegalArgumentException("not an encrypted document"));
        }
        try {
            SecretKey dataKey = unwrap(wrappedKey, masterKeys.key(keyId));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(aad(sha256, classification));
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IntegrityFailure(e);
        }
    }

    /** The same data key wrapped under the active master key (key rotation). */
    public Sealed rewrap(String keyId, byte[] wrappedKey) {
        try {
            SecretKey dataKey = unwrap(wrappedKey, masterKeys.key(keyId));
            String active = masterKeys.activeId();
            return new Sealed(new byte[0], active, wrap(dataKey, masterKeys.key(active)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data key does not unwrap under master key " + keyId, e);
        }
    }

    public String activeKeyId() {
        return masterKeys.activeId();
    }

    private static byte[] wrap(SecretKey dataKey, SecretKey masterKey) throws GeneralSecurityException {
        Cipher wrapper = Cipher.getInstance("AESWrap");
        wrapper.init(Cipher.WRAP_MODE, masterKey);
        return wrapper.wrap(dataKey);
    }

    private static SecretKey unwrap(byte[] wrapped, SecretKey masterKey) throws GeneralSecurityException {
        Cipher wrapper = Cipher.getInstance("AESWrap");
        wrapper.init(Cipher.UNWRAP_MODE, masterKey);
        return (SecretKey) wrapper.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    }

    private static byte[] aad(String sha256, String classification) {
        return ("partywork-document|" + sha256 + "|" + classification).getBytes(StandardCharsets.US_ASCII);
    }
}
