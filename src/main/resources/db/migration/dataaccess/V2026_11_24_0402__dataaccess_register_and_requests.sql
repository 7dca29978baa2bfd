-- P-DG-1 (seed 002 Đ8, PL1): each database names its data owner (chủ quản), business unit (đơn vị
-- nghiệp vụ), data steward (đầu mối dữ liệu) and technical contact (đầu mối kỹ thuật). owner_org_id
-- is the organisation whose staff and leaders decide data access requests; NULL means the root of
-- the organisation tree (the central level, Ban Tổ chức Trung ương), as the rows below.
CREATE SCHEMA IF NOT EXISTS dataaccess;

CREATE TABLE dataaccess.database_owner (
    database          text PRIMARY KEY CHECK (database IN ('ORGANISATION_MEMBER', 'CADRE', 'POLITICAL_PROTECTION',
                                                           'HEALTH', 'TRAINING', 'RESEARCH')),
    owner_org_id      bigint,
    owner_name        text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 300),
    business_unit     text NOT NULL CHECK (length(business_unit) BETWEEN 1 AND 300),
    data_steward      text NOT NULL CHECK (length(data_steward) BETWEEN 1 AND 300),
    technical_contact text NOT NULL CHECK (length(technical_contact) BETWEEN 1 AND 300),
    version           int  NOT NULL DEFAULT 0
);

-- Reference data of the central level (PL1; Đ18.2 names the technical unit).
INSERT INTO dataaccess.database_owner (database, owner_name, business_unit, data_steward, technical_contact) VALUES
    ('ORGANISATION_MEMBER', 'Ban Tổ chức Trung ương', 'Vụ Cơ sở đảng, đảng viên', 'Vụ Cơ sở đảng, đảng viên',
     'Văn phòng Trung ương Đảng (Cục Chuyển đổi số - Cơ yếu)'),
    ('CADRE', 'Ban Tổ chức Trung ương', 'Vụ Cán bộ', 'Vụ Cán bộ',
     'Văn phòng Trung ương Đảng (Cục Chuyển đổi số - Cơ yếu)'),
    ('POLITICAL_PROTECTION', 'Ban Tổ chức Trung ương', 'Cục Bảo vệ chính trị nội bộ', 'Cục Bảo vệ chính trị nội bộ',
     'Văn phòng Trung ương Đảng (Cục Chuyển đổi số - Cơ yếu)'),
    ('HEALTH', 'Ban Tổ chức Trung ương', 'Vụ Chính sách cán bộ phối hợp với cơ sở y tế được giao nhiệm vụ',
     'Vụ Chính sách cán bộ', 'Văn phòng Trung ương Đảng (Cục Chuyển đổi số - Cơ yếu)'),
    ('TRAINING', 'Ban Tổ chức Trung ương', 'Cục Đào tạo, bồi dưỡng cán bộ', 'Cục Đào tạo, bồi dưỡng cán bộ',
     'Văn phòng Trung ương Đảng (Cục Chuyển đổi số - Cơ yếu)'),
    ('RESEARCH', 'Ban Tổ chức Trung ương', 'Vụ Nghiên cứu khoa học tổ chức, cán bộ', 'Vụ Nghiên cứu khoa học tổ chức, cán bộ',
     'Văn phòng Trung ương Đảng (Cục Chuyển đổi số - Cơ yếu)');

-- P-AZ-4, PL2: the data access request form. The approval (status, trail, deadline) lives in the
-- approval request approval_request_id; what the owner approved (possibly narrowed) and the grant it
-- created are kept here.
CREATE TABLE dataaccess.request (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approval_request_id  bigint UNIQUE,
    requester_account    bigint      NOT NULL,
    requester_identifier text        NOT NULL,
    requester_name       text        NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 200),
    position             text        NOT NULL CHECK (length(position) BETWEEN 1 AND 200),
    unit                 text        NOT NULL CHECK (length(unit) BETWEEN 1 AND 300),
    phone                text        NOT NULL CHECK (phone ~ '^[0-9 +().-]{8,20}$'),
    requested_on         date        NOT NULL,
    database             text        NOT NULL REFERENCES dataaccess.database_owner (database),
    purpose              text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
    scope_org_id         bigint      NOT NULL,
    scope_description    text        NOT NULL CHECK (length(scope_description) BETWEEN 1 AND 2000),
    ceiling              text        NOT NULL CHECK (ceiling IN ('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')),
    form                 text        NOT NULL CHECK (form IN ('DIRECT', 'INDIRECT', 'REPORT_EXTRACT')),
    period_from          date        NOT NULL,
    period_to            date        NOT NULL,
    commitment_accepted  timestamptz NOT NULL,
    submitted_at         timestamptz NOT NULL,
    approved_org_id      bigint,
    approved_ceiling     text CHECK (approved_ceiling IN ('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET')),
    approved_from        date,
    approved_to          date,
    approver_opinion     text CHECK (length(approver_opinion) <= 2000),
    grant_id             bigint,
    CHECK (period_from <= period_to),
    CHECK (approved_from IS NULL OR approved_from <= approved_to)
);

CREATE INDEX request_requester ON dataaccess.request (requester_account, id DESC);
