-- M-4 (first kind): official transfer of party activity within a province. The sending organisation
-- issues it, the receiving one accepts; while ISSUED the member still belongs to the sending cell
-- and is visible to the receiving side as well, so the member is never lost nor doubled.
CREATE TABLE member.transfer (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id       bigint  NOT NULL REFERENCES member.member (id),
    kind            text    NOT NULL CHECK (kind IN ('OFFICIAL')),
    from_cell_id    bigint  NOT NULL,   -- org.organisation ids; no cross-schema FK
    to_cell_id      bigint  NOT NULL,
    status          text    NOT NULL CHECK (status IN ('ISSUED', 'ACCEPTED')),
    decision_number text    NOT NULL CHECK (length(decision_number) BETWEEN 1 AND 200),
    decision_date   date    NOT NULL,
    decision_issuer text    NOT NULL CHECK (length(decision_issuer) BETWEEN 1 AND 200),
    issued_on       date    NOT NULL,
    issued_by       bigint,
    accepted_on     date,
    accepted_by     bigint,
    version         integer NOT NULL DEFAULT 0,
    CHECK (from_cell_id <> to_cell_id),
    CHECK ((status = 'ACCEPTED') = (accepted_on IS NOT NULL)),
    CHECK (accepted_on IS NULL OR accepted_on >= issued_on)
);
-- One open transfer per member (member.transfer.open).
CREATE UNIQUE INDEX transfer_open_per_member ON member.transfer (member_id) WHERE status = 'ISSUED';
CREATE INDEX transfer_open_to_cell ON member.transfer (to_cell_id) WHERE status = 'ISSUED';
