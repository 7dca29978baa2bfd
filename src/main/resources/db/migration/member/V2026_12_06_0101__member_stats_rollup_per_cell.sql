-- Issue 5 item 10c: the statement trigger that keeps member.stats_rollup expanded every written
-- member into all its keys (three ancestors × nine dimensions and two birth-day keys: 29 rows) before
-- adding them up, through member.stats_keys, a function PostgreSQL cannot inline and so calls once
-- per member. For a 2,000-row chunk of the import that was 58,000 rows to group. The trigger now
-- counts the written members per cell and dimension value first (a chunk's members share a few
-- cells), and only those counts are spread over the cell's ancestors. Same rows in the rollup as
-- before (checked against member.stats_keys on the benchmark data): the nine dimensions up to the
-- third level, the birth day (dimension 10) up to the second, nothing for a cell outside the
-- current tree. stats_follow_orgs (restructuring) keeps using member.stats_keys.

CREATE OR REPLACE FUNCTION member.stats_member_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The cells' paths are read under a share lock: a concurrent restructuring (stats_follow_orgs
    -- takes it exclusively) either moved them already, or waits and then counts this change too.
    -- A member of a cell outside the current tree (no path) is not counted, as in the direct query.
    IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM new_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT subpath(s.path, i - 1, 1)::text::bigint, c.dim, c.value, sum(c.n)
          FROM (SELECT r.cell_id, v.dim, v.value, count(*) AS n
                  FROM new_rows r CROSS JOIN LATERAL member.stats_values(r) v
                 WHERE member.stats_counted(r.status)
                 GROUP BY 1, 2, 3
                UNION ALL
                SELECT r.cell_id, 10::smallint, to_char(r.birth_date, 'YYYY-MM-DD'), count(*)
                  FROM new_rows r
                 WHERE member.stats_counted(r.status)
                 GROUP BY 1, 3) c
          JOIN member.stats_cell s ON s.cell_id = c.cell_id
          CROSS JOIN LATERAL generate_series(1, least(CASE WHEN c.dim = 10 THEN 2 ELSE 3 END, nlevel(s.path) - 1)) i
         WHERE s.path IS NOT NULL
         GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM new_rows WHERE member.stats_counted(status)
                            UNION SELECT cell_id FROM old_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        -- An update that changes nothing counted (names, addresses, the version) cancels out.
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT subpath(s.path, i - 1, 1)::text::bigint, c.dim, c.value, sum(c.n)
          FROM (SELECT d.cell_id, d.dim, d.value, sum(d.sign) AS n
                  FROM (SELECT -1 AS sign, o.cell_id, v.dim, v.value
                          FROM old_rows o CROSS JOIN LATERAL member.stats_values(o) v
                         WHERE member.stats_counted(o.status)
                        UNION ALL
                        SELECT -1, o.cell_id, 10::smallint, to_char(o.birth_date, 'YYYY-MM-DD')
                          FROM old_rows o
                         WHERE member.stats_counted(o.status)
                        UNION ALL
                        SELECT 1, n.cell_id, v.dim, v.value
                          FROM new_rows n CROSS JOIN LATERAL member.stats_values(n) v
                         WHERE member.stats_counted(n.status)
                        UNION ALL
                        SELECT 1, n.cell_id, 10::smallint, to_char(n.birth_date, 'YYYY-MM-DD')
                          FROM new_rows n
                         WHERE member.stats_counted(n.status)) d
                 GROUP BY 1, 2, 3
                HAVING sum(d.sign) <> 0) c
          JOIN member.stats_cell s ON s.cell_id = c.cell_id
          CROSS JOIN LATERAL generate_series(1, least(CASE WHEN c.dim = 10 THEN 2 ELSE 3 END, nlevel(s.path) - 1)) i
         WHERE s.path IS NOT NULL
         GROUP BY 1, 2, 3
        HAVING sum(c.n) <> 0;
    ELSE
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM old_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT subpath(s.path, i - 1, 1)::text::bigint, c.dim, c.value, -sum(c.n)
          FROM (SELECT r.cell_id, v.dim, v.value, count(*) AS n
                  FROM old_rows r CROSS JOIN LATERAL member.stats_values(r) v
                 WHERE member.stats_counted(r.status)
                 GROUP BY 1, 2, 3
                UNION ALL
                SELECT r.cell_id, 10::smallint, to_char(r.birth_date, 'YYYY-MM-DD'), count(*)
                  FROM old_rows r
                 WHERE member.stats_counted(r.status)
                 GROUP BY 1, 3) c
          JOIN member.stats_cell s ON s.cell_id = c.cell_id
          CROSS JOIN LATERAL generate_series(1, least(CASE WHEN c.dim = 10 THEN 2 ELSE 3 END, nlevel(s.path) - 1)) i
         WHERE s.path IS NOT NULL
         GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END $$;
