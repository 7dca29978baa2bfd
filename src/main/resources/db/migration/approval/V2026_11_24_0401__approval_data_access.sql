-- P-AZ-4 (seed 002 Đ17.2, PL2): a data access request goes to the data owner of the database it asks
-- for. One chain per database of PL1, because who may act on a step is decided by the chain's
-- database: a holder of APPROVE, or of WRITE (the organisation staff in charge of the database, who
-- "receive, appraise and carry out" requests, Đ17.2), on that database at the owner organisation.
INSERT INTO approval.chain (code, name, database, basis) VALUES
    ('DATA_ACCESS_ORGANISATION_MEMBER', 'Phiếu yêu cầu khai thác dữ liệu tổ chức đảng, đảng viên', 'ORGANISATION_MEMBER', 'Điều 17.2, Phụ lục 2 (P-AZ-4)'),
    ('DATA_ACCESS_CADRE', 'Phiếu yêu cầu khai thác dữ liệu cán bộ', 'CADRE', 'Điều 17.2, Phụ lục 2 (P-AZ-4)'),
    ('DATA_ACCESS_POLITICAL_PROTECTION', 'Phiếu yêu cầu khai thác dữ liệu bảo vệ chính trị nội bộ', 'POLITICAL_PROTECTION', 'Điều 17.2, Phụ lục 2 (P-AZ-4)'),
    ('DATA_ACCESS_HEALTH', 'Phiếu yêu cầu khai thác dữ liệu sức khỏe cán bộ', 'HEALTH', 'Điều 17.2, Phụ lục 2 (P-AZ-4)'),
    ('DATA_ACCESS_TRAINING', 'Phiếu yêu cầu khai thác dữ liệu đào tạo, bồi dưỡng', 'TRAINING', 'Điều 17.2, Phụ lục 2 (P-AZ-4)'),
    ('DATA_ACCESS_RESEARCH', 'Phiếu yêu cầu khai thác dữ liệu nghiên cứu khoa học', 'RESEARCH', 'Điều 17.2, Phụ lục 2 (P-AZ-4)');

INSERT INTO approval.chain_step (chain_code, position, action_kind, acting_level, acting_body, deadline_days, acting_permission)
SELECT code, 1, 'APPROVE', 'SUBJECT_ORG', 'Đơn vị quản lý dữ liệu (chủ quản dữ liệu)', 5, 'APPROVE_OR_WRITE'
  FROM approval.chain WHERE code LIKE 'DATA\_ACCESS\_%';
