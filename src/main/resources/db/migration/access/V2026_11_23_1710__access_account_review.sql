-- P-ID-5: the periodic review of an organisation's accounts and grants, marked done by its
-- administrator with the date and what the review sheet showed at that moment.
CREATE TABLE access.account_review (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id                  bigint      NOT NULL,   -- org.organisation id; no cross-schema FK
    reviewed_by             bigint      NOT NULL,   -- identity.account id
    reviewed_by_identifier  text        NOT NULL,
    reviewed_at             timestamptz NOT NULL,
    accounts                integer     NOT NULL CHECK (accounts >= 0),
    dormant                 integer     NOT NULL CHECK (dormant >= 0),
    grants_near_expiry      integer     NOT NULL CHECK (grants_near_expiry >= 0),
    note                    text        CHECK (length(note) <= 1000)
);
CREATE INDEX account_review_org ON access.account_review (org_id, reviewed_at DESC);
