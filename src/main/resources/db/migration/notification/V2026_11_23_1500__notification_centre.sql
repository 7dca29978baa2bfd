-- P-WF-1 alerts: the in-app notification centre and the e-mail addresses accounts register for
-- notifications. Accounts are referred to by identity.account id (no cross-schema FK).
CREATE SCHEMA IF NOT EXISTS notification;

-- One notification for one recipient. dedupe_key (e.g. 'approval.overdue:42') makes raising the
-- same alert twice a no-op, so the daily job can run again without spamming.
-- mail_status: NULL when no e-mail was due (mail off or no address), else PENDING until the mail
-- is handed to the SMTP server (SENT) or the attempt failed (FAILED, with mail_error).
CREATE TABLE notification.notification (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id        bigint      NOT NULL,
    kind              text        NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{1,49}$'),
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 400),
    body              text        NOT NULL CHECK (length(body) <= 4000),
    link              text        CHECK (link ~ '^/[A-Za-z0-9]' AND length(link) <= 500), -- a path of this application, never another site
    created_at        timestamptz NOT NULL,
    read_at           timestamptz,
    dedupe_key        text        CHECK (length(dedupe_key) <= 200),
    mail_status       text        CHECK (mail_status IN ('PENDING', 'SENT', 'FAILED')),
    mail_address      text,
    mail_attempted_at timestamptz,
    mail_error        text        CHECK (length(mail_error) <= 1000),
    UNIQUE (account_id, dedupe_key)
);

CREATE INDEX notification_inbox ON notification.notification (account_id, created_at DESC, id DESC);
CREATE INDEX notification_unread ON notification.notification (account_id) WHERE read_at IS NULL;

-- "Cài đặt thông báo": where an account wants its notifications by e-mail.
CREATE TABLE notification.mail_address (
    account_id bigint      PRIMARY KEY,
    email      text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    updated_at timestamptz NOT NULL,
    version    int         NOT NULL DEFAULT 0
);
