-- P-AZ-3: an aggregate-only grant lets its holder see the statistics of the subtree, never a
-- detail record. The scope turns such a grant into the AGGREGATE permission only (no READ), so
-- every existing detail check denies it without knowing about the flag.
ALTER TABLE access.account_grant ADD COLUMN aggregate_only boolean NOT NULL DEFAULT false;
ALTER TABLE access.account_grant ADD CONSTRAINT account_grant_aggregate_only_viewer
    CHECK (NOT aggregate_only OR role = 'VIEWER');

-- P-ID-5: when the holder changes position or unit, each grant in force is marked for review
-- until an administrator confirms it (review_* cleared) or revokes it.
ALTER TABLE access.account_grant ADD COLUMN review_reason text CHECK (length(review_reason) <= 200);
ALTER TABLE access.account_grant ADD COLUMN review_since timestamptz;
CREATE INDEX account_grant_review ON access.account_grant (org_id) WHERE review_since IS NOT NULL AND revoked_at IS NULL;
