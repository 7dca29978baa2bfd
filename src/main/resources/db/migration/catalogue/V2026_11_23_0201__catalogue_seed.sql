-- P-ORG-3: the catalogues every deployment starts with (reference data, not demo data): version 1 of each.
-- Ethnic groups: the 54 groups with the codes of Decision 121-TCTK/PPCĐ (02/03/1979, Tổng cục Thống kê).

INSERT INTO catalogue.catalogue (code, name, description, sort_order) VALUES ('ethnicity', 'Dân tộc', 'Danh mục các thành phần dân tộc Việt Nam (54 dân tộc), mã số theo Quyết định số 121-TCTK/PPCĐ.', 1);
INSERT INTO catalogue.catalogue_version (catalogue_id, version_number, valid_from, decision_number, decision_date, decision_issuer, note)
SELECT id, 1, DATE '1979-03-02', '121-TCTK/PPCĐ', DATE '1979-03-02', 'Tổng cục Thống kê', NULL FROM catalogue.catalogue WHERE code = 'ethnicity';
INSERT INTO catalogue.entry (version_id, code, name, sort_order)
SELECT v.id, e.code, e.name, e.sort_order
  FROM catalogue.catalogue_version v
  JOIN catalogue.catalogue c ON c.id = v.catalogue_id AND c.code = 'ethnicity'
 CROSS JOIN (VALUES ('01', 'Kinh', 1),
       ('02', 'Tày', 2),
       ('03', 'Thái', 3),
       ('04', 'Hoa', 4),
       ('05', 'Khmer', 5),
       ('06', 'Mường', 6),
       ('07', 'Nùng', 7),
       ('08', 'H''Mông', 8),
       ('09', 'Dao', 9),
       ('10', 'Gia Rai', 10),
       ('11', 'Ngái', 11),
       ('12', 'Ê Đê', 12),
       ('13', 'Ba Na', 13),
       ('14', 'Xơ Đăng', 14),
       ('15', 'Sán Chay', 15),
       ('16', 'Cơ Ho', 16),
       ('17', 'Chăm', 17),
       ('18', 'Sán Dìu', 18),
       ('19', 'Hrê', 19),
       ('20', 'Mnông', 20),
       ('21', 'Ra Glai', 21),
       ('22', 'Stiêng', 22),
       ('23', 'Bru - Vân Kiều', 23),
       ('24', 'Thổ', 24),
       ('25', 'Giáy', 25),
       ('26', 'Cơ Tu', 26),
       ('27', 'Giẻ-Triêng', 27),
       ('28', 'Mạ', 28),
       ('29', 'Khơ mú', 29),
       ('30', 'Co', 30),
       ('31', 'Tà Ôi', 31),
       ('32', 'Chơ Ro', 32),
       ('33', 'Kháng', 33),
       ('34', 'Xinh Mun', 34),
       ('35', 'Hà Nhì', 35),
       ('36', 'Chu Ru', 36),
       ('37', 'Lào', 37),
       ('38', 'La Chí', 38),
       ('39', 'La Ha', 39),
       ('40', 'Phù Lá', 40),
       ('41', 'La Hủ', 41),
       ('42', 'Lự', 42),
       ('43', 'Lô Lô', 43),
       ('44', 'Chứt', 44),
       ('45', 'Mảng', 45),
       ('46', 'Pà Thẻn', 46),
       ('47', 'Cờ Lao', 47),
       ('48', 'Cống', 48),
       ('49', 'Bố Y', 49),
       ('50', 'Si La', 50),
       ('51', 'Pu Péo', 51),
       ('52', 'Brâu', 52),
       ('53', 'Ơ Đu', 53),
       ('54', 'Rơ Măm', 54)) AS e (code, name, sort_order)
 WHERE v.version_number = 1;

INSERT INTO catalogue.catalogue (code, name, description, sort_order) VALUES ('religion', 'Tôn giáo', 'Các tôn giáo đã được Nhà nước công nhận; "Không" cho người không theo tôn giáo.', 2);
INSERT INTO catalogue.catalogue_version (catalogue_id, version_number, valid_from, decision_number, decision_date, decision_issuer, note)
SELECT id, 1, DATE '1930-02-03', NULL, NULL, NULL, 'Danh mục khởi tạo của hệ thống, áp dụng từ ngày thành lập Đảng (03/02/1930) cho mọi dữ liệu lịch sử; chưa ghi nhận quyết định ban hành.' FROM catalogue.catalogue WHERE code = 'religion';
INSERT INTO catalogue.entry (version_id, code, name, sort_order)
SELECT v.id, e.code, e.name, e.sort_order
  FROM catalogue.catalogue_version v
  JOIN catalogue.catalogue c ON c.id = v.catalogue_id AND c.code = 'religion'
 CROSS JOIN (VALUES ('00', 'Không', 1),
       ('01', 'Phật giáo', 2),
       ('02', 'Công giáo', 3),
       ('03', 'Tin lành', 4),
       ('04', 'Cao Đài', 5),
       ('05', 'Phật giáo Hòa Hảo', 6),
       ('06', 'Hồi giáo', 7),
       ('07', 'Tôn giáo Baha''i', 8),
       ('08', 'Tịnh độ Cư sĩ Phật hội Việt Nam', 9),
       ('09', 'Cơ đốc Phục lâm', 10),
       ('10', 'Phật giáo Tứ Ân Hiếu Nghĩa', 11),
       ('11', 'Minh Sư đạo', 12),
       ('12', 'Minh Lý đạo', 13),
       ('13', 'Bà-la-môn', 14),
       ('14', 'Mặc môn', 15),
       ('15', 'Phật giáo Hiếu Nghĩa Tà Lơn', 16),
       ('16', 'Bửu Sơn Kỳ Hương', 17),
       ('99', 'Tôn giáo khác', 18)) AS e (code, name, sort_order)
 WHERE v.version_number = 1;

INSERT INTO catalogue.catalogue (code, name, description, sort_order) VALUES ('general-education', 'Trình độ giáo dục phổ thông', 'Lớp cao nhất đã học xong, theo hệ 12 năm hoặc hệ 10 năm.', 3);
INSERT INTO catalogue.catalogue_version (catalogue_id, version_number, valid_from, decision_number, decision_date, decision_issuer, note)
SELECT id, 1, DATE '1930-02-03', NULL, NULL, NULL, 'Danh mục khởi tạo của hệ thống, áp dụng từ ngày thành lập Đảng (03/02/1930) cho mọi dữ liệu lịch sử; chưa ghi nhận quyết định ban hành.' FROM catalogue.catalogue WHERE code = 'general-education';
INSERT INTO catalogue.entry (version_id, code, name, sort_order)
SELECT v.id, e.code, e.name, e.sort_order
  FROM catalogue.catalogue_version v
  JOIN catalogue.catalogue c ON c.id = v.catalogue_id AND c.code = 'general-education'
 CROSS JOIN (VALUES ('12-12', '12/12', 1),
       ('11-12', '11/12', 2),
       ('10-12', '10/12', 3),
       ('9-12', '9/12', 4),
       ('8-12', '8/12', 5),
       ('7-12', '7/12', 6),
       ('6-12', '6/12', 7),
       ('5-12', '5/12', 8),
       ('4-12', '4/12', 9),
       ('3-12', '3/12', 10),
       ('2-12', '2/12', 11),
       ('1-12', '1/12', 12),
       ('10-10', '10/10', 13),
       ('9-10', '9/10', 14),
       ('8-10', '8/10', 15),
       ('7-10', '7/10', 16),
       ('6-10', '6/10', 17),
       ('5-10', '5/10', 18),
       ('4-10', '4/10', 19),
       ('3-10', '3/10', 20),
       ('2-10', '2/10', 21),
       ('1-10', '1/10', 22)) AS e (code, name, sort_order)
 WHERE v.version_number = 1;

INSERT INTO catalogue.catalogue (code, name, description, sort_order) VALUES ('political-theory', 'Trình độ lý luận chính trị', NULL, 4);
INSERT INTO catalogue.catalogue_version (catalogue_id, version_number, valid_from, decision_number, decision_date, decision_issuer, note)
SELECT id, 1, DATE '1930-02-03', NULL, NULL, NULL, 'Danh mục khởi tạo của hệ thống, áp dụng từ ngày thành lập Đảng (03/02/1930) cho mọi dữ liệu lịch sử; chưa ghi nhận quyết định ban hành.' FROM catalogue.catalogue WHERE code = 'political-theory';
INSERT INTO catalogue.entry (version_id, code, name, sort_order)
SELECT v.id, e.code, e.name, e.sort_order
  FROM catalogue.catalogue_version v
  JOIN catalogue.catalogue c ON c.id = v.catalogue_id AND c.code = 'political-theory'
 CROSS JOIN (VALUES ('SC', 'Sơ cấp', 1),
       ('TC', 'Trung cấp', 2),
       ('CC', 'Cao cấp', 3),
       ('CN', 'Cử nhân', 4)) AS e (code, name, sort_order)
 WHERE v.version_number = 1;

INSERT INTO catalogue.catalogue (code, name, description, sort_order) VALUES ('professional-degree', 'Trình độ chuyên môn', NULL, 5);
INSERT INTO catalogue.catalogue_version (catalogue_id, version_number, valid_from, decision_number, decision_date, decision_issuer, note)
SELECT id, 1, DATE '1930-02-03', NULL, NULL, NULL, 'Danh mục khởi tạo của hệ thống, áp dụng từ ngày thành lập Đảng (03/02/1930) cho mọi dữ liệu lịch sử; chưa ghi nhận quyết định ban hành.' FROM catalogue.catalogue WHERE code = 'professional-degree';
INSERT INTO catalogue.entry (version_id, code, name, sort_order)
SELECT v.id, e.code, e.name, e.sort_order
  FROM catalogue.catalogue_version v
  JOIN catalogue.catalogue c ON c.id = v.catalogue_id AND c.code = 'professional-degree'
 CROSS JOIN (VALUES ('TC', 'Trung cấp', 1),
       ('CD', 'Cao đẳng', 2),
       ('DH', 'Đại học', 3),
       ('THS', 'Thạc sĩ', 4),
       ('TS', 'Tiến sĩ', 5),
       ('TSKH', 'Tiến sĩ khoa học', 6)) AS e (code, name, sort_order)
 WHERE v.version_number = 1;

INSERT INTO catalogue.catalogue (code, name, description, sort_order) VALUES ('party-position', 'Chức vụ Đảng', NULL, 6);
INSERT INTO catalogue.catalogue_version (catalogue_id, version_number, valid_from, decision_number, decision_date, decision_issuer, note)
SELECT id, 1, DATE '1930-02-03', NULL, NULL, NULL, 'Danh mục khởi tạo của hệ thống, áp dụng từ ngày thành lập Đảng (03/02/1930) cho mọi dữ liệu lịch sử; chưa ghi nhận quyết định ban hành.' FROM catalogue.catalogue WHERE code = 'party-position';
INSERT INTO catalogue.entry (version_id, code, name, sort_order)
SELECT v.id, e.code, e.name, e.sort_order
  FROM catalogue.catalogue_version v
  JOIN catalogue.catalogue c ON c.id = v.catalogue_id AND c.code = 'party-position'
 CROSS JOIN (VALUES ('BT', 'Bí thư', 1),
       ('PBT', 'Phó Bí thư', 2),
       ('UVBTV', 'Ủy viên Ban Thường vụ', 3),
       ('CUV', 'Cấp ủy viên', 4),
       ('CNUBKT', 'Chủ nhiệm Ủy ban Kiểm tra', 5),
       ('PCNUBKT', 'Phó Chủ nhiệm Ủy ban Kiểm tra', 6),
       ('UVUBKT', 'Ủy viên Ủy ban Kiểm tra', 7),
       ('DV', 'Đảng viên', 8)) AS e (code, name, sort_order)
 WHERE v.version_number = 1;
