package vn.partywork.document.internal;

/**
 * Where the bytes of files live (ARCHITECTURE: {@code FileStore}), content-addressed by the SHA-256
 * of the bytes it is given: the plain content of an unclassified file, the ciphertext of a
 * classified one (the service encrypts before it stores, {@link FileCipher}), so a store never
 * sees classified content in clear.
 */
public interface FileStore {

    /** Keeps the bytes (whose SHA-256 the caller computed) and returns their storage key. */
    String put(String sha256, byte[] content);

    /** The bytes kept under the key; {@link java.io.UncheckedIOException} when they are gone or unreadable. */
    byte[] get(String storageKey);
}
