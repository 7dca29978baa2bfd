-- P-DOC-1, issue 6 item 5: files at Mật and above are kept encrypted (AES-256-GCM with a random data
-- key per file). The data key, wrapped under a master key from the configuration, and that master
-- key's id live here, so that a key rotation re-wraps them without re-encrypting any file. For an
-- encrypted file storage_key is the SHA-256 of the ciphertext on disk; sha256 stays that of the plain
-- content, checked again after decryption.
ALTER TABLE document.document
    ADD COLUMN key_id      text  CHECK (key_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    ADD COLUMN wrapped_key bytea CHECK (length(wrapped_key) BETWEEN 24 AND 64),
    ADD CONSTRAINT document_classified_is_encrypted
        CHECK ((classification = 'UNCLASSIFIED') = (key_id IS NULL) AND (key_id IS NULL) = (wrapped_key IS NULL));

CREATE INDEX document_key_id ON document.document (key_id) WHERE key_id IS NOT NULL;
