-- M-4: life events of a member, each with its decision and effective date. The membership history
-- (member.membership) stays the valid-time truth of "who belonged to which cell on which day": an
-- ending event (removal, expulsion, leaving, death) closes the open membership row on its effective
-- date, so the member counts before that day and not from it on. The record keeps the status it
-- ended in; a rejected or withdrawn admission ends as NOT_ADMITTED (issue 5, admission rejection).

-- The unnamed checks of V2026_11_23_1600 on status are replaced by named ones with the new statuses.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
              WHERE conrelid = 'member.member'::regclass AND contype = 'c'
                AND (pg_get_constraintdef(oid) LIKE '%PENDING_ADMISSION%'
                     OR pg_get_constraintdef(oid) LIKE '%official_date IS NOT NULL%')
    LOOP
        EXECUTE format('ALTER TABLE member.member DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;

ALTER TABLE member.member
    ADD COLUMN ended_on date,   -- the day the membership ended (removal, expulsion, leaving, death)
    ADD CONSTRAINT member_status CHECK (status IN ('PENDING_ADMISSION', 'NOT_ADMITTED', 'PROBATIONARY', 'OFFICIAL',
                                                   'REMOVED', 'EXPELLED', 'LEFT', 'DECEASED')),
    -- An official member has an official date; one who never became official has none. A member who
    -- ended keeps the official date they had.
    ADD CONSTRAINT member_official_date CHECK ((status <> 'OFFICIAL' OR official_date IS NOT NULL)
        AND (status NOT IN ('PENDING_ADMISSION', 'NOT_ADMITTED', 'PROBATIONARY') OR official_date IS NULL)),
    ADD CONSTRAINT member_ended CHECK ((status IN ('REMOVED', 'EXPELLED', 'LEFT', 'DECEASED')) = (ended_on IS NOT NULL)),
    ADD CONSTRAINT member_ended_after_admission CHECK (ended_on IS NULL OR ended_on > admission_date);

-- Life events other than transfers (member.transfer) and confirmation (the membership history).
CREATE TABLE member.life_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id       bigint  NOT NULL REFERENCES member.member (id),
    kind            text    NOT NULL CHECK (kind IN ('EXEMPTION', 'REMOVAL', 'EXPULSION', 'LEAVING', 'DEATH', 'BADGE')),
    effective_on    date    NOT NULL,
    ends_on         date,            -- exemption: first day of activity again (null: open-ended)
    badge_years     integer,         -- badge: the milestone (30, 40, 45, …)
    decision_number text    NOT NULL CHECK (length(decision_number) BETWEEN 1 AND 200),
    decision_date   date    NOT NULL,
    decision_issuer text    NOT NULL CHECK (length(decision_issuer) BETWEEN 1 AND 200),
    note            text    CHECK (length(note) <= 1000),
    old_status      text    NOT NULL,
    new_status      text    NOT NULL,
    document_id     bigint,          -- document.document id of the decision's scan, if attached
    recorded_at     timestamptz NOT NULL,
    recorded_by     bigint  NOT NULL,
    CHECK (ends_on IS NULL OR ends_on > effective_on),
    CHECK (kind = 'EXEMPTION' OR ends_on IS NULL),
    CHECK ((kind = 'BADGE') = (badge_years IS NOT NULL)),
    -- Exemption periods of one member do not overlap.
    CONSTRAINT life_event_exemption_no_overlap EXCLUDE USING gist (
        member_id WITH =, daterange(effective_on, coalesce(ends_on, 'infinity')) WITH &&) WHERE (kind = 'EXEMPTION')
);
CREATE INDEX life_event_member ON member.life_event (member_id, effective_on);
-- Each badge milestone once per member (member.badge.alreadyAwarded).
CREATE UNIQUE INDEX life_event_badge_once ON member.life_event (member_id, badge_years) WHERE kind = 'BADGE';
-- Statistics of a period: deaths, removals, … by kind and day.
CREATE INDEX life_event_kind_day ON member.life_event (kind, effective_on);

-- Transfers: temporary ones (a temporary activity cell until a date, the home cell stays the
-- official one), between provinces, the return from a temporary transfer, and the cancellation of a
-- transfer in transit when the member's membership ends.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
              WHERE conrelid = 'member.transfer'::regclass AND contype = 'c'
                AND (pg_get_constraintdef(oid) LIKE '%''OFFICIAL''%'
                     OR pg_get_constraintdef(oid) LIKE '%''ISSUED''%'
                     OR pg_get_constraintdef(oid) LIKE '%accepted_on IS NOT NULL%')
    LOOP
        EXECUTE format('ALTER TABLE member.transfer DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;

ALTER TABLE member.transfer
    ADD COLUMN until       date,     -- temporary: the planned end of the temporary activity
    ADD COLUMN returned_on date,     -- temporary: the member returned to the home cell on this day
    ADD COLUMN returned_by bigint,
    ADD COLUMN cancelled_on date,    -- the membership ended while the transfer was in transit
    ADD CONSTRAINT transfer_kind CHECK (kind IN ('OFFICIAL', 'TEMPORARY')),
    ADD CONSTRAINT transfer_status CHECK (status IN ('ISSUED', 'ACCEPTED', 'RETURNED', 'CANCELLED')),
    ADD CONSTRAINT transfer_until CHECK ((kind = 'TEMPORARY') = (until IS NOT NULL) AND (until IS NULL OR until > issued_on)),
    ADD CONSTRAINT transfer_accepted CHECK ((status IN ('ACCEPTED', 'RETURNED')) = (accepted_on IS NOT NULL)),
    ADD CONSTRAINT transfer_returned CHECK ((status = 'RETURNED') = (returned_on IS NOT NULL)
        AND (returned_on IS NULL OR kind = 'TEMPORARY' AND returned_on >= accepted_on)),
    ADD CONSTRAINT transfer_cancelled CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL));

-- One open transfer per member: in transit, or an accepted temporary one not yet returned.
DROP INDEX member.transfer_open_per_member;
CREATE UNIQUE INDEX transfer_open_per_member ON member.transfer (member_id)
    WHERE status = 'ISSUED' OR (kind = 'TEMPORARY' AND status = 'ACCEPTED');
CREATE INDEX transfer_open_from_cell ON member.transfer (from_cell_id)
    WHERE status = 'ISSUED' OR (kind = 'TEMPORARY' AND status = 'ACCEPTED');
DROP INDEX member.transfer_open_to_cell;
CREATE INDEX transfer_open_to_cell ON member.transfer (to_cell_id)
    WHERE status = 'ISSUED' OR (kind = 'TEMPORARY' AND status = 'ACCEPTED');
