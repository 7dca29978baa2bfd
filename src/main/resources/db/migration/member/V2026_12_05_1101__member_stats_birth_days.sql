-- Issue 5 item 10b: an age-band boundary falls inside a birth month. Counting the members born after
-- the boundary day in that month from the member rows meant ~35,000 index probes for the country
-- (1.8 s on the benchmark machine). The rollup now also counts members by birth day (dimension 10,
-- 'YYYY-MM-DD') at the central and province levels only (about 25,000 values each); the
-- third-level organisations are small enough to count those few members directly.

-- Every (organisation, dimension, value) a counted member of a cell at cell_path adds one to.
CREATE FUNCTION member.stats_keys(cell_path ltree, m member.member)
    RETURNS TABLE (org_id bigint, dim smallint, value text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT a.org_id, v.dim, v.value
      FROM member.stats_ancestors(cell_path) a (org_id)
     CROSS JOIN member.stats_values(m) v
    UNION ALL
    SELECT subpath(cell_path, i - 1, 1)::text::bigint, 10::smallint, to_char(m.birth_date, 'YYYY-MM-DD')
      FROM generate_series(1, least(2, nlevel(cell_path) - 1)) i
     WHERE cell_path IS NOT NULL
$$;

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
        SELECT k.org_id, k.dim, k.value, count(*)
          FROM new_rows r
          JOIN member.stats_cell s ON s.cell_id = r.cell_id
          CROSS JOIN LATERAL member.stats_keys(s.path, r) k
         WHERE member.stats_counted(r.status)
         GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM new_rows WHERE member.stats_counted(status)
                            UNION SELECT cell_id FROM old_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        -- An update that changes nothing counted (names, addresses, the version) cancels out.
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT r.org_id, r.dim, r.value, sum(r.sign)
          FROM (SELECT -1 AS sign, k.*
                  FROM old_rows o
                  JOIN member.stats_cell s ON s.cell_id = o.cell_id
                  CROSS JOIN LATERAL member.stats_keys(s.path, o) k
                 WHERE member.stats_counted(o.status)
                UNION ALL
                SELECT 1, k.*
                  FROM new_rows n
                  JOIN member.stats_cell s ON s.cell_id = n.cell_id
                  CROSS JOIN LATERAL member.stats_keys(s.path, n) k
                 WHERE member.stats_counted(n.status)) r
         GROUP BY 1, 2, 3
        HAVING sum(r.sign) <> 0;
    ELSE
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM old_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT k.org_id, k.dim, k.value, -count(*)
          FROM old_rows r
          JOIN member.stats_cell s ON s.cell_id = r.cell_id
          CROSS JOIN LATERAL member.stats_keys(s.path, r) k
         WHERE member.stats_counted(r.status)
         GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION member.stats_follow_orgs(ids bigint[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[] := '{}';
    old_paths ltree[] := '{}';
    new_paths ltree[] := '{}';
    r record;
BEGIN
    INSERT INTO member.stats_cell (cell_id, path)
    SELECT c.org_id, c.path FROM org.current_organisation c WHERE c.org_id = ANY (ids)
    ON CONFLICT (cell_id) DO NOTHING;
    FOR r IN SELECT s.cell_id, s.path AS old_path, c.path AS new_path
               FROM member.stats_cell s
               LEFT JOIN org.current_organisation c ON c.org_id = s.cell_id
              WHERE s.cell_id = ANY (ids) AND s.path IS DISTINCT FROM c.path
              ORDER BY s.cell_id
                FOR UPDATE OF s
    LOOP
        moved := moved || r.cell_id;
        old_paths := old_paths || r.old_path;
        new_paths := new_paths || r.new_path;
    END LOOP;
    IF cardinality(moved) = 0 THEN
        RETURN 0;
    END IF;
    INSERT INTO member.stats_rollup (org_id, dim, value, n)
    SELECT k.org_id, k.dim, k.value, sum(p.sign)
      FROM unnest(moved, old_paths, new_paths) mv (cell_id, old_path, new_path)
      JOIN member.member m ON m.cell_id = mv.cell_id AND member.stats_counted(m.status)
      CROSS JOIN LATERAL (VALUES (-1, mv.old_path), (1, mv.new_path)) p (sign, path)
      CROSS JOIN LATERAL member.stats_keys(p.path, m) k
     GROUP BY 1, 2, 3
    HAVING sum(p.sign) <> 0;
    UPDATE member.stats_cell s SET path = mv.new_path
      FROM unnest(moved, new_paths) mv (cell_id, new_path)
     WHERE s.cell_id = mv.cell_id;
    RETURN cardinality(moved);
END $$;

-- Back-fill of the birth days, set-based: counted per province, then added up to the country.
INSERT INTO member.stats_rollup (org_id, dim, value, n)
WITH top AS (
    SELECT subpath(s.path, 0, least(2, nlevel(s.path) - 1)) AS top, m.birth_date, count(*) AS n
      FROM member.member m
      JOIN member.stats_cell s ON s.cell_id = m.cell_id
     WHERE member.stats_counted(m.status) AND nlevel(s.path) > 1
     GROUP BY 1, 2
)
SELECT subpath(top.top, i - 1, 1)::text::bigint, 10, to_char(top.birth_date, 'YYYY-MM-DD'), sum(top.n)
  FROM top
  CROSS JOIN LATERAL generate_series(1, nlevel(top.top)) i
 GROUP BY 1, 2, 3;

ANALYZE member.stats_rollup;

-- The birth-date index of V2026_12_05_1100 served the member-row count this replaces.
DROP INDEX member.member_stats_by_birth;
