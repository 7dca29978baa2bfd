package vn.partywork.document.internal;

import vn.partywork.shared.Classification;

/**
 * Where the bytes of files live (ARCHITECTURE: {@code FileStore}). The seam for P-DOC-1
 * encryption (issue 6): a store receives the plain bytes with their classification and returns the
 * key under which it kept them; an encrypting store for Mật and above fits behind this interface.
 */
public interface FileStore {

    /** Keeps the bytes (whose SHA-256 the caller computed) and returns their storage key. */
    String put(String sha256, byte[] content, Classification classification);

    /** The bytes kept under the key; {@link java.io.UncheckedIOException} when they are gone or unreadable. */
    byte[] get(String storageKey);
}
