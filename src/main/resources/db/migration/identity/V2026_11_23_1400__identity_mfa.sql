-- P-ID-4: TOTP second factor. The secret is AES-256-GCM ciphertext (key outside the database:
-- partywork.identity.mfa.key); last_step is the last accepted time step, so a code is never
-- accepted twice. Recovery codes are kept only as password-encoder hashes and used once.
CREATE TABLE identity.mfa (
    account_id  bigint      PRIMARY KEY REFERENCES identity.account (id),
    secret      bytea       NOT NULL,
    enrolled_at timestamptz NOT NULL,
    last_step   bigint      NOT NULL
);

CREATE TABLE identity.mfa_recovery_code (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES identity.account (id),
    code_hash  text        NOT NULL,
    used_at    timestamptz
);
CREATE INDEX mfa_recovery_code_account ON identity.mfa_recovery_code (account_id) WHERE used_at IS NULL;
