-- National-scale organisation tree for the benchmarks (issue 2 §9): 1 central, 34 provinces,
-- ~700 upper-grassroots, ~55,000 grassroots organisations, ~300,000 cells. Set-based SQL, ids
-- assigned arithmetically so that paths can be computed without recursion. The first
-- upper-grassroots committee of each province is a large one (~2,000 organisations) so that the
-- benchmark can transfer a realistic big subtree.
BEGIN;

INSERT INTO org.structural_change (kind, effective_on, decision_number, decision_date, decision_issuer, note, recorded_by_name)
VALUES ('ESTABLISH', DATE '2020-01-01', '01-QĐ/BENCH', DATE '2020-01-01', 'Bộ dữ liệu đo hiệu năng', 'Cây tổ chức quy mô toàn quốc', 'bench');

CREATE TEMP TABLE bench_org (
    id bigint PRIMARY KEY, code text, name text, kind text, parent_id bigint, path ltree
) ON COMMIT DROP;

-- Root and provinces: ids 1..35
INSERT INTO bench_org VALUES (1, 'TW', 'Ban Chấp hành Trung ương', 'CENTRAL', NULL, '1');
INSERT INTO bench_org
SELECT 1 + p, 'T' || lpad(p::text, 2, '0'),
       'Đảng bộ tỉnh ' || (ARRAY['Hà Giang','Cao Bằng','Lào Cai','Điện Biên','Lai Châu','Sơn La','Thái Nguyên','Lạng Sơn',
            'Quảng Ninh','Phú Thọ','Bắc Ninh','Hưng Yên','Hải Phòng','Ninh Bình','Thanh Hóa','Nghệ An','Hà Tĩnh',
            'Quảng Trị','Huế','Đà Nẵng','Quảng Ngãi','Gia Lai','Khánh Hòa','Đắk Lắk','Lâm Đồng','Đồng Nai',
            'Tây Ninh','Đồng Tháp','Vĩnh Long','An Giang','Cần Thơ','Cà Mau','Tuyên Quang','Hồ Chí Minh'])[p],
       'PROVINCE', 1, ('1.' || (1 + p))::ltree
  FROM generate_series(1, 34) p;

-- Upper-grassroots: 20 per province (680), ids 100 + (p-1)*20 + u
INSERT INTO bench_org
SELECT 100 + (p - 1) * 20 + u, 'T' || lpad(p::text, 2, '0') || '-U' || lpad(u::text, 2, '0'),
       CASE WHEN u = 1 THEN 'Đảng bộ Khối các cơ quan tỉnh số ' || p
            ELSE 'Đảng bộ ' || (ARRAY['khu vực','cụm','khối doanh nghiệp','khối cơ quan'])[1 + u % 4] || ' số ' || u || ' tỉnh ' || p END,
       'UPPER_GRASSROOTS', 1 + p, ('1.' || (1 + p) || '.' || (100 + (p - 1) * 20 + u))::ltree
  FROM generate_series(1, 34) p, generate_series(1, 20) u;

-- Grassroots: the first upper-grassroots of each province gets 320, the others 73 (~58,000 in all).
-- ids 10000 + running number.
INSERT INTO bench_org
SELECT 10000 + row_number() OVER (ORDER BY u.id, g),
       'G' || lpad(g::text, 3, '0'),
       CASE WHEN g % 5 = 0 THEN 'Chi bộ cơ sở ' ELSE 'Đảng bộ ' END
         || (ARRAY['xã','phường','trường','bệnh viện','công ty','sở','ban','viện'])[1 + g % 8] || ' '
         || (ARRAY['An Hòa','Bình Minh','Tân Tiến','Đồng Tâm','Hòa Bình','Quyết Thắng','Thống Nhất','Hợp Thành',
                   'Phú Cường','Quang Trung','Lê Lợi','Trần Hưng Đạo','Nguyễn Trãi','Hùng Vương','Độc Lập','Tự Do'])[1 + g % 16]
         || ' ' || g,
       CASE WHEN g % 5 = 0 THEN 'GRASSROOTS_CELL' ELSE 'GRASSROOTS_COMMITTEE' END,
       u.id, u.path
  FROM bench_org u, generate_series(1, CASE WHEN u.code LIKE '%-U01' THEN 320 ELSE 73 END) g
 WHERE u.kind = 'UPPER_GRASSROOTS';
UPDATE bench_org SET path = path || id::text WHERE kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL');

-- Cells: 6 or 7 under each grassroots committee (~290,000), ids 1000000 + running number.
INSERT INTO bench_org
SELECT 1000000 + row_number() OVER (ORDER BY g.id, c),
       'C' || lpad(c::text, 2, '0'),
       'Chi bộ ' || (ARRAY['thôn','tổ dân phố','khu dân cư','phòng','khoa','tổ','bộ phận'])[c] || ' '
         || (ARRAY['Đông','Tây','Nam','Bắc','Trung','Thượng','Hạ'])[1 + (g.id + c) % 7] || ' ' || c,
       'CELL', g.id, g.path
  FROM bench_org g, generate_series(1, 6 + (g.id % 2)::int) c
 WHERE g.kind = 'GRASSROOTS_COMMITTEE';
UPDATE bench_org SET path = path || id::text WHERE kind = 'CELL';

INSERT INTO org.organisation (id, created_at) SELECT id, now() FROM bench_org;
INSERT INTO org.organisation_version (org_id, code, name, kind, parent_id, path, valid_from, opened_by)
SELECT id, code, name, kind, parent_id, path, DATE '2020-01-01', (SELECT max(id) FROM org.structural_change)
  FROM bench_org ORDER BY path;
INSERT INTO org.change_participant (change_id, org_id, role)
SELECT (SELECT max(id) FROM org.structural_change), id, 'SUBJECT' FROM bench_org;

SELECT setval(pg_get_serial_sequence('org.organisation', 'id'), (SELECT max(id) FROM org.organisation));
COMMIT;
ANALYZE org.organisation_version;
