-- P-AZ-2, issue 6 item 3: files shared with named accounts. A grantee at EDIT level changes a file's
-- description (the file itself stays as uploaded: its SHA-256 is its identity); one at COMMENT level
-- adds remarks to a small thread on the file that the owner side reads. The description is editable,
-- so the row gets a version (ARCHITECTURE rule 8).
ALTER TABLE document.document
    ADD COLUMN description text    CHECK (length(description) BETWEEN 1 AND 1000),
    ADD COLUMN version     integer NOT NULL DEFAULT 0;

CREATE TABLE document.document_comment (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id    bigint      NOT NULL REFERENCES document.document (id),
    author_account bigint      NOT NULL,
    author         text        NOT NULL,
    body           text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at     timestamptz NOT NULL
);
CREATE INDEX document_comment_document ON document.document_comment (document_id, id);
