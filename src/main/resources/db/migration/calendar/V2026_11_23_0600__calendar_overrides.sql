-- P-WF-2: days the government declares off or working for a year, on top of the statutory
-- holidays computed in code (calendar.internal.StatutoryHolidays). Each declaration keeps its
-- decision (ARCHITECTURE rule 4); each date has at most one override.
CREATE SCHEMA IF NOT EXISTS calendar;

CREATE TABLE calendar.override_decision (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_number text NOT NULL CHECK (length(decision_number) BETWEEN 1 AND 200),
    decision_date   date NOT NULL,
    decision_issuer text NOT NULL CHECK (length(decision_issuer) BETWEEN 1 AND 200),
    recorded_by     text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar.override_day (
    day         date PRIMARY KEY CHECK (day BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
    kind        text NOT NULL CHECK (kind IN ('OFF', 'WORKING')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    decision_id bigint NOT NULL REFERENCES calendar.override_decision (id)
);

CREATE INDEX override_day_decision ON calendar.override_day (decision_id);
