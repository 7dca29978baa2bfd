-- P-DOC-1: electronic files attached to records. The bytes live in the file store (a directory on
-- disk, content-addressed by SHA-256); this table holds what the system knows about each file and
-- which record owns it. A read is scoped through the owner (document.DocumentOwners) and checks the
-- SHA-256 again.
CREATE SCHEMA IF NOT EXISTS document;

CREATE TABLE document.document (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The owning record, in the owning module's names (e.g. approval_request / 12); no cross-schema FK.
    owner_type          text        NOT NULL CHECK (length(owner_type) BETWEEN 1 AND 100),
    owner_id            text        NOT NULL CHECK (length(owner_id) BETWEEN 1 AND 100),
    original_name       text        NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
    content_type        text        NOT NULL CHECK (content_type IN (
                                        'application/pdf', 'image/jpeg', 'image/png',
                                        'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    size_bytes          bigint      NOT NULL CHECK (size_bytes > 0),
    sha256              text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    classification      text        NOT NULL CHECK (classification IN ('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')),
    -- Where the file store keeps the bytes; today the SHA-256 of the plain content. Encrypted
    -- storage (issue 6) will store ciphertext under its own key and name its key here.
    storage_key         text        NOT NULL CHECK (length(storage_key) BETWEEN 1 AND 200),
    uploaded_by_account bigint      NOT NULL,
    uploaded_by         text        NOT NULL,
    uploaded_at         timestamptz NOT NULL
);

CREATE INDEX document_owner ON document.document (owner_type, owner_id, id);
