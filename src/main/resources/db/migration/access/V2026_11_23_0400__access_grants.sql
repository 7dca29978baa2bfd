-- P-AZ-1: a grant = account × role × organisation subtree × databases × classification ceiling
-- × validity period. The organisation is kept by id (its path changes when a subtree is
-- transferred); scopes resolve current paths per request.
CREATE SCHEMA IF NOT EXISTS access;

CREATE TABLE access.account_grant (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      bigint      NOT NULL,         -- identity.account id; no cross-schema FK
    role            text        NOT NULL CHECK (role IN ('ORG_STAFF', 'COMMITTEE_LEADER', 'CELL_SECRETARY', 'VIEWER', 'AUDITOR')),
    org_id          bigint      NOT NULL,         -- org.organisation id
    databases       text[]      NOT NULL CHECK (cardinality(databases) > 0),
    ceiling         text        NOT NULL CHECK (ceiling IN ('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')),
    valid_from      date        NOT NULL,
    valid_to        date,
    document_number text        CHECK (length(document_number) <= 100),
    note            text        CHECK (length(note) <= 1000),
    granted_by      bigint,
    granted_at      timestamptz NOT NULL,
    revoked_by      bigint,
    revoked_at      timestamptz,
    version         integer     NOT NULL DEFAULT 0,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX account_grant_account ON access.account_grant (account_id) WHERE revoked_at IS NULL;
CREATE INDEX account_grant_org ON access.account_grant (org_id) WHERE revoked_at IS NULL;
