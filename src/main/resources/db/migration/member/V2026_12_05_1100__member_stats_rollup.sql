-- Issue 5 items 7 and 10b: today's member statistics of a province or of the whole country without
-- reading six million member rows. member.stats_rollup holds, for every organisation of the top
-- three levels of the tree (central, provinces, their direct children), the number of counted
-- members (status PROBATIONARY or OFFICIAL, as the direct query counts "now") of its subtree per
-- dimension value: status, gender, birth month, ethnicity, religion, general education,
-- professional degree, political theory and admission decade. Triggers on member.member keep it in
-- the same transaction as every write of a member row (create, update, life events, transfers,
-- import, demo and benchmark loads alike). Deeper organisations are small and keep the direct query.
--
-- The rows are deltas, inserted and never updated (a count is the sum of its rows; a nightly
-- compaction folds them): concurrent writers never wait on the hot rows of the root or a province.
--
-- Restructuring moves cells (they keep their id and get a new current version with a new path) and
-- publishes no event. member.stats_cell mirrors the current path of every organisation: the path
-- under which the members of a cell are counted. A trigger on org.organisation_version (the only
-- trigger this module puts on another module's table; it reads nothing of org but the published
-- view org.current_organisation) moves the counts of the cells whose current path changed, in the
-- transaction of the restructuring.

CREATE TABLE member.stats_cell (
    cell_id bigint PRIMARY KEY,   -- org.organisation id (no cross-schema FK)
    path    ltree                 -- where its members are counted; null: outside the current tree
);

CREATE TABLE member.stats_rollup (
    org_id bigint   NOT NULL,     -- an organisation of the top three levels
    dim    smallint NOT NULL,     -- 1 status, 2 gender, 3 birth month (YYYY-MM), 4 ethnicity, 5 religion,
                                  -- 6 general education, 7 professional degree, 8 political theory,
                                  -- 9 admission decade; '' when not recorded
    value  text     NOT NULL,
    n      bigint   NOT NULL
);
CREATE INDEX stats_rollup_org ON member.stats_rollup (org_id, dim, value) INCLUDE (n);

-- Exact age bands: the rollup counts by birth month; the month in which an age boundary falls on the
-- day asked is split by a look-up of the members born in it (a few thousand nationally).
CREATE INDEX member_stats_by_birth ON member.member (birth_date) INCLUDE (cell_id, status);

-- The dimension values of one member row, as the direct query (MemberStatsQueries) computes them.
CREATE FUNCTION member.stats_values(m member.member) RETURNS TABLE (dim smallint, value text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT * FROM (VALUES
        (1::smallint, m.status),
        (2::smallint, m.gender),
        (3::smallint, to_char(m.birth_date, 'YYYY-MM')),
        (4::smallint, m.ethnicity),
        (5::smallint, m.religion),
        (6::smallint, coalesce(m.general_education, '')),
        (7::smallint, coalesce(m.professional_degree, '')),
        (8::smallint, coalesce(m.political_theory, '')),
        (9::smallint, (extract(year FROM m.admission_date)::int / 10 * 10)::text)) v (dim, value)
$$;

-- The organisations that count a cell's members: its ancestors (path labels are organisation ids)
-- down to the third level, never the cell itself.
CREATE FUNCTION member.stats_ancestors(cell_path ltree) RETURNS SETOF bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT subpath(cell_path, i - 1, 1)::text::bigint
      FROM generate_series(1, least(3, nlevel(cell_path) - 1)) i
     WHERE cell_path IS NOT NULL
$$;

CREATE FUNCTION member.stats_counted(status text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT status IN ('PROBATIONARY', 'OFFICIAL') $$;

-- Statement-level: one pass over the rows a statement wrote (an import batch, a bulk COPY).
CREATE FUNCTION member.stats_member_changed() RETURNS trigger
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
        SELECT a.org_id, v.dim, v.value, count(*)
          FROM new_rows r
          JOIN member.stats_cell s ON s.cell_id = r.cell_id
          CROSS JOIN LATERAL member.stats_ancestors(s.path) a (org_id)
          CROSS JOIN LATERAL member.stats_values(r) v
         WHERE member.stats_counted(r.status)
         GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM new_rows WHERE member.stats_counted(status)
                            UNION SELECT cell_id FROM old_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        -- An update that changes nothing counted (names, addresses, the version) cancels out.
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT a.org_id, r.dim, r.value, sum(r.sign)
          FROM (SELECT -1 AS sign, o.cell_id, v.dim, v.value
                  FROM old_rows o CROSS JOIN LATERAL member.stats_values(o) v
                 WHERE member.stats_counted(o.status)
                UNION ALL
                SELECT 1, n.cell_id, v.dim, v.value
                  FROM new_rows n CROSS JOIN LATERAL member.stats_values(n) v
                 WHERE member.stats_counted(n.status)) r
          JOIN member.stats_cell s ON s.cell_id = r.cell_id
          CROSS JOIN LATERAL member.stats_ancestors(s.path) a (org_id)
         GROUP BY 1, 2, 3
        HAVING sum(r.sign) <> 0;
    ELSE
        PERFORM 1 FROM member.stats_cell
          WHERE cell_id IN (SELECT cell_id FROM old_rows WHERE member.stats_counted(status))
          ORDER BY cell_id FOR SHARE;
        INSERT INTO member.stats_rollup (org_id, dim, value, n)
        SELECT a.org_id, v.dim, v.value, -count(*)
          FROM old_rows r
          JOIN member.stats_cell s ON s.cell_id = r.cell_id
          CROSS JOIN LATERAL member.stats_ancestors(s.path) a (org_id)
          CROSS JOIN LATERAL member.stats_values(r) v
         WHERE member.stats_counted(r.status)
         GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER member_stats_insert AFTER INSERT ON member.member
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member.stats_member_changed();
CREATE TRIGGER member_stats_update AFTER UPDATE ON member.member
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member.stats_member_changed();
CREATE TRIGGER member_stats_delete AFTER DELETE ON member.member
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member.stats_member_changed();

CREATE FUNCTION member.stats_member_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE member.stats_rollup;
    RETURN NULL;
END $$;
CREATE TRIGGER member_stats_truncate AFTER TRUNCATE ON member.member
    FOR EACH STATEMENT EXECUTE FUNCTION member.stats_member_truncated();

-- Mirrors the current paths of the given organisations and moves the counts of those whose path
-- changed (a cell that moved, or left the current tree) from their old ancestors to the new ones;
-- returns how many moved. The rows are locked first and the members counted afterwards, in a later
-- statement that sees every member change committed while it waited.
CREATE FUNCTION member.stats_follow_orgs(ids bigint[]) RETURNS integer
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
    SELECT a.org_id, v.dim, v.value, sum(p.sign)
      FROM unnest(moved, old_paths, new_paths) mv (cell_id, old_path, new_path)
      JOIN member.member m ON m.cell_id = mv.cell_id AND member.stats_counted(m.status)
      CROSS JOIN LATERAL (VALUES (-1, mv.old_path), (1, mv.new_path)) p (sign, path)
      CROSS JOIN LATERAL member.stats_ancestors(p.path) a (org_id)
      CROSS JOIN LATERAL member.stats_values(m) v
     GROUP BY 1, 2, 3
    HAVING sum(p.sign) <> 0;
    UPDATE member.stats_cell s SET path = mv.new_path
      FROM unnest(moved, new_paths) mv (cell_id, new_path)
     WHERE s.cell_id = mv.cell_id;
    RETURN cardinality(moved);
END $$;

CREATE FUNCTION member.stats_organisation_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM member.stats_follow_orgs(ARRAY(SELECT DISTINCT org_id FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM member.stats_follow_orgs(ARRAY(
            SELECT DISTINCT n.org_id FROM new_rows n
            UNION SELECT o.org_id FROM old_rows o));
    ELSE
        PERFORM member.stats_follow_orgs(ARRAY(SELECT DISTINCT org_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER member_stats_follow_insert AFTER INSERT ON org.organisation_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member.stats_organisation_changed();
CREATE TRIGGER member_stats_follow_update AFTER UPDATE ON org.organisation_version
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member.stats_organisation_changed();
CREATE TRIGGER member_stats_follow_delete AFTER DELETE ON org.organisation_version
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member.stats_organisation_changed();

-- Folds the delta rows into one row per (organisation, dimension, value). Safe beside writers and
-- another compaction: rows inserted meanwhile are not deleted and still add up.
CREATE FUNCTION member.stats_compact() RETURNS bigint
LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM member.stats_rollup RETURNING org_id, dim, value, n),
         kept AS (INSERT INTO member.stats_rollup (org_id, dim, value, n)
                  SELECT org_id, dim, value, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0
                  RETURNING 1)
    SELECT count(*) FROM kept
$$;

-- Back-fill, set-based: the current paths, then one statement that counts every member once
-- per dimension under its third-level ancestor and adds the counts up to the levels above it.
INSERT INTO member.stats_cell (cell_id, path)
SELECT org_id, path FROM org.current_organisation;

INSERT INTO member.stats_rollup (org_id, dim, value, n)
WITH top AS (
    SELECT subpath(s.path, 0, least(3, nlevel(s.path) - 1)) AS top, v.dim, v.value, count(*) AS n
      FROM member.member m
      JOIN member.stats_cell s ON s.cell_id = m.cell_id
      CROSS JOIN LATERAL member.stats_values(m) v
     WHERE member.stats_counted(m.status) AND nlevel(s.path) > 1
     GROUP BY 1, 2, 3
)
SELECT subpath(top.top, i - 1, 1)::text::bigint, top.dim, top.value, sum(top.n)
  FROM top
  CROSS JOIN LATERAL generate_series(1, nlevel(top.top)) i
 GROUP BY 1, 2, 3;

ANALYZE member.stats_cell;
ANALYZE member.stats_rollup;
