-- P-WF-1: approval chains as data. A chain is an ordered list of steps; each step names what is
-- done (CONFIRM, APPRAISE, SIGN, APPROVE), which organisation acts relative to the subject
-- organisation (approval.ActingLevel) and the deadline in working days (counted by the calendar).
CREATE SCHEMA IF NOT EXISTS approval;

CREATE TABLE approval.chain (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    database    text NOT NULL,
    basis       text NOT NULL
);

CREATE TABLE approval.chain_step (
    chain_code    text NOT NULL REFERENCES approval.chain (code),
    position      int NOT NULL CHECK (position >= 1),
    action_kind   text NOT NULL CHECK (action_kind IN ('CONFIRM', 'APPRAISE', 'SIGN', 'APPROVE')),
    acting_level  text NOT NULL CHECK (acting_level IN ('SUBJECT_CELL', 'SUBJECT_ORG', 'GRASSROOTS', 'UPPER')),
    acting_body   text NOT NULL CHECK (length(acting_body) BETWEEN 1 AND 200),
    deadline_days int NOT NULL CHECK (deadline_days BETWEEN 0 AND 365),
    PRIMARY KEY (chain_code, position)
);

-- One request through a chain. status: IN_PROGRESS (current_position names the step),
-- RETURNED (back with the submitter for revision), COMPLETED, REJECTED, WITHDRAWN.
CREATE TABLE approval.request (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_code           text NOT NULL REFERENCES approval.chain (code),
    subject_org_id       bigint NOT NULL,
    subject_type         text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 100),
    subject_id           text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 100),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    payload              jsonb NOT NULL,
    status               text NOT NULL CHECK (status IN ('IN_PROGRESS', 'RETURNED', 'COMPLETED', 'REJECTED', 'WITHDRAWN')),
    current_position     int,
    submitted_by_account bigint NOT NULL,
    submitted_by         text NOT NULL,
    submitted_at         timestamptz NOT NULL,
    closed_at            timestamptz,
    version              int NOT NULL DEFAULT 0,
    CHECK ((status = 'IN_PROGRESS') = (current_position IS NOT NULL))
);

CREATE INDEX request_submitter ON approval.request (submitted_by_account, submitted_at DESC);
CREATE INDEX request_subject ON approval.request (subject_type, subject_id);

-- Each time a step becomes current it gets a row (a returned request that is resubmitted goes
-- through its steps again, so earlier rounds stay as history). due_on is stored so that "due
-- soon" and "overdue" are plain queries.
CREATE TABLE approval.request_step (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id    bigint NOT NULL REFERENCES approval.request (id),
    position      int NOT NULL,
    action_kind   text NOT NULL,
    acting_org_id bigint NOT NULL,
    started_on    date NOT NULL,
    due_on        date NOT NULL,
    acted_on      date,
    outcome       text CHECK (outcome IN ('APPROVED', 'RETURNED', 'REJECTED', 'WITHDRAWN'))
);

CREATE INDEX request_step_open ON approval.request_step (acting_org_id, due_on) WHERE outcome IS NULL;
CREATE UNIQUE INDEX request_step_one_open ON approval.request_step (request_id) WHERE outcome IS NULL;

-- The trail (P-WF-1): who did what, when, with which comment.
CREATE TABLE approval.request_action (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  bigint NOT NULL REFERENCES approval.request (id),
    position    int,
    action      text NOT NULL CHECK (action IN ('SUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'RESUBMIT', 'WITHDRAW')),
    actor_account bigint NOT NULL,
    actor       text NOT NULL,
    acted_at    timestamptz NOT NULL,
    comment     text
);

CREATE INDEX request_action_request ON approval.request_action (request_id, id);

-- P-EV-1: timeliness per acting unit: steps acted on, and how many by their due date.
CREATE VIEW approval.step_timeliness AS
SELECT acting_org_id,
       count(*)                                  AS steps_done,
       count(*) FILTER (WHERE acted_on <= due_on) AS steps_on_time
  FROM approval.request_step
 WHERE acted_on IS NOT NULL AND outcome <> 'WITHDRAWN'
 GROUP BY acting_org_id;

COMMENT ON VIEW approval.step_timeliness IS
    'Published by the approval module for evaluation (P-EV-1): per acting organisation, steps acted on and steps acted on by their due date.';
