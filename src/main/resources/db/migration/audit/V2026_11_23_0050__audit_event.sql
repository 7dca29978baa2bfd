-- P-AU-1, P-AU-2: every change, sensitive read and login. Issue 3 adds the hash chain, the
-- append-only roles and triggers, and signed checkpoints on top of this table.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.event (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id         bigint,
    actor_identifier text,
    client_address   text,
    request_id       text,
    action           text   NOT NULL,
    target_type      text   NOT NULL,
    target_id        text,
    classification   text   NOT NULL,
    basis            text,
    changes          jsonb  NOT NULL DEFAULT '{}',
    details          jsonb  NOT NULL DEFAULT '{}'
);
CREATE INDEX event_target ON audit.event (target_type, target_id, seq);
CREATE INDEX event_actor ON audit.event (actor_id, seq);
