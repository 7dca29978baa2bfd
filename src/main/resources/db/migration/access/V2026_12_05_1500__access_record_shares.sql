-- P-AZ-2, issue 6 item 3: record-level shares. The creator of a record shares it with a named
-- account, at a level (READ < COMMENT < EDIT), until a last day; a revocation ends it at once. The
-- record is named in its owning module's terms (record_kind, record_id); no cross-schema FK. A share
-- never lifts classification: the grantee's grant ceiling and device are checked at every use.
CREATE TABLE access.record_share (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_kind     text        NOT NULL CHECK (record_kind ~ '^[a-z][a-z0-9_]{0,49}$'),
    record_id       text        NOT NULL CHECK (length(record_id) BETWEEN 1 AND 100),
    grantee_account bigint      NOT NULL,         -- identity.account id
    level           text        NOT NULL CHECK (level IN ('READ', 'COMMENT', 'EDIT')),
    expires_on      date        NOT NULL,         -- the last day on which the share applies
    shared_by       bigint      NOT NULL,
    shared_at       timestamptz NOT NULL,
    revoked_by      bigint,
    revoked_at      timestamptz,
    CHECK ((revoked_by IS NULL) = (revoked_at IS NULL)),
    CHECK (grantee_account <> shared_by)
);
CREATE INDEX record_share_record ON access.record_share (record_kind, record_id) WHERE revoked_at IS NULL;
CREATE INDEX record_share_grantee ON access.record_share (grantee_account, expires_on) WHERE revoked_at IS NULL;
