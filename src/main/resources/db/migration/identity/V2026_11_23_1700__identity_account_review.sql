-- P-ID-5: account review. last_login_at is the last completed sign-in (page or token);
-- status_changed_at starts the dormancy count again when an administrator reactivates an account;
-- status_reason says why an account was deactivated when the system did it (DORMANT: no sign-in
-- for partywork.identity.dormant-days).
ALTER TABLE identity.account
    ADD COLUMN last_login_at     timestamptz,
    ADD COLUMN status_changed_at timestamptz,
    ADD COLUMN status_reason     text CHECK (status_reason IN ('DORMANT'));

-- Accounts that signed in before this column existed: their last sign-in from the audit log, so
-- that the first dormancy check does not suspend them for the missing value.
UPDATE identity.account a
   SET last_login_at = l.last_login
  FROM (SELECT target_id, max(occurred_at) AS last_login
          FROM audit.event
         WHERE action = 'LOGIN' AND target_type = 'account'
         GROUP BY target_id) l
 WHERE l.target_id = a.id::text;

CREATE INDEX account_dormancy ON identity.account (greatest(last_login_at, status_changed_at, created_at))
    WHERE status = 'ACTIVE';
