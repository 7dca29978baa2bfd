-- P-ID-7: the register of devices permitted to reach classified data. A device is registered by an
-- administrator for one holder account; the holder activates it on the device itself with a
-- one-time code, which sets a long-lived device cookie bound to that account. Only SHA-256 hashes
-- of the activation code and of the device credential are kept.
CREATE TABLE identity.device (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    holder_id        bigint      NOT NULL REFERENCES identity.account (id),
    org_id           bigint      NOT NULL,             -- org.organisation id; no cross-schema FK
    status           text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'REVOKED')),
    activation_hash  bytea       UNIQUE,
    activation_until timestamptz,
    credential_hash  bytea       UNIQUE,
    expires_at       timestamptz NOT NULL,
    registered_by    bigint      NOT NULL,
    registered_at    timestamptz NOT NULL,
    activated_at     timestamptz,
    version          integer     NOT NULL DEFAULT 0,
    CHECK (status <> 'ACTIVE' OR credential_hash IS NOT NULL)
);
CREATE INDEX device_holder ON identity.device (holder_id);
CREATE INDEX device_org ON identity.device (org_id);
