-- Reference data (not demo data): the chains of seed 002 needed now.
INSERT INTO approval.chain (code, name, database, basis) VALUES
    ('MEMBER_ADMISSION', 'Phiếu đảng viên khi kết nạp', 'ORGANISATION_MEMBER', 'Điều 11.1 (M-2)'),
    ('MEMBER_UPDATE', 'Cập nhật thông tin đảng viên', 'ORGANISATION_MEMBER', 'Điều 12.1a, 13.1 (M-3)'),
    ('CADRE_DECLARATION', 'Kê khai thông tin cán bộ', 'CADRE', 'Điều 11.2, 12.2 (C-CAD-2)');

INSERT INTO approval.chain_step (chain_code, position, action_kind, acting_level, acting_body, deadline_days) VALUES
    ('MEMBER_ADMISSION', 1, 'CONFIRM', 'SUBJECT_CELL', 'Chi bộ', 5),
    ('MEMBER_ADMISSION', 2, 'SIGN', 'GRASSROOTS', 'Đảng ủy cơ sở (thẩm định, ký xác nhận)', 5),
    ('MEMBER_ADMISSION', 3, 'APPROVE', 'UPPER', 'Ban Tổ chức cấp ủy cấp trên', 5),
    ('MEMBER_UPDATE', 1, 'CONFIRM', 'SUBJECT_CELL', 'Chi bộ', 5),
    ('MEMBER_UPDATE', 2, 'SIGN', 'GRASSROOTS', 'Đảng ủy cơ sở (thẩm định, ký xác nhận)', 5),
    ('MEMBER_UPDATE', 3, 'APPROVE', 'UPPER', 'Ban Tổ chức cấp ủy cấp trên', 5),
    ('CADRE_DECLARATION', 1, 'CONFIRM', 'SUBJECT_ORG', 'Cơ quan trực tiếp quản lý', 5),
    ('CADRE_DECLARATION', 2, 'APPROVE', 'UPPER', 'Cấp có thẩm quyền', 5);
