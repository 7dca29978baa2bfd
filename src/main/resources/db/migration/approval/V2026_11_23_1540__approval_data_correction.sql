-- P-WF-1 separation of duties and P-WF-3 correction requests.

-- Who acts on a step: APPROVE_OR_WRITE (a committee leader, or the organisation staff / cell
-- secretary who keep the data: the chains so far) or APPROVE (only a holder of APPROVE, i.e. the
-- head of the unit: seed 002 Đ12.7 asks for the signature of "người đứng đầu đơn vị").
ALTER TABLE approval.chain_step
    ADD COLUMN acting_permission text NOT NULL DEFAULT 'APPROVE_OR_WRITE'
        CHECK (acting_permission IN ('APPROVE', 'APPROVE_OR_WRITE'));

INSERT INTO approval.chain (code, name, database, basis) VALUES
    ('DATA_CORRECTION', 'Phiếu yêu cầu chỉnh sửa dữ liệu đã phê duyệt', 'ORGANISATION_MEMBER', 'Điều 12.7 (P-WF-3)');

INSERT INTO approval.chain_step (chain_code, position, action_kind, acting_level, acting_body, deadline_days, acting_permission) VALUES
    ('DATA_CORRECTION', 1, 'APPROVE', 'SUBJECT_ORG', 'Người đứng đầu đơn vị (lãnh đạo cấp ủy)', 5, 'APPROVE');

-- What a correction request adds to its approval request: the reason. The fields old -> new are
-- the request's payload; the evidence files are documents owned by ('approval_request', id).
CREATE TABLE approval.correction (
    request_id  bigint PRIMARY KEY REFERENCES approval.request (id),
    record_type text   NOT NULL CHECK (length(record_type) BETWEEN 1 AND 100),
    record_id   text   NOT NULL CHECK (length(record_id) BETWEEN 1 AND 100),
    reason      text   NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000)
);

CREATE INDEX correction_record ON approval.correction (record_type, record_id);
