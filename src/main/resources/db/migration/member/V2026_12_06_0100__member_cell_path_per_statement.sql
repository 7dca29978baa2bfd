-- Issue 5 item 10c: the member import COPYs 100,000 rows into member.member. A BEFORE ROW trigger
-- on the table makes PostgreSQL insert COPY's rows one by one (no multi-row heap insert) and runs a
-- PL/pgSQL call and a look-up of the cell per row; both cost about a tenth of the import's write.
--
-- A new member's cell_path is now checked once per statement instead: writers give the path they
-- know (the import its cells' paths, the form and the batch member.current_cell_path(cell)), and
-- the AFTER INSERT statement trigger below compares every inserted row with the cell's current path
-- (one look-up per distinct cell) and corrects the rows that differ — a writer that gives none, a
-- stale path, or a cell that moved meanwhile. So the column stays right whoever writes, as the
-- trigger of V2026_12_05_1000 promised; only the writers that give the right path skip the UPDATE.
-- A change of cell keeps the row trigger (an UPDATE is one row at a time anyway).

DROP TRIGGER member_cell_path ON member.member;
CREATE TRIGGER member_cell_path BEFORE UPDATE OF cell_id ON member.member
    FOR EACH ROW EXECUTE FUNCTION member.keep_cell_path();

CREATE FUNCTION member.check_inserted_cell_paths() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    wrong_ids bigint[];
    right_paths public.ltree[];
BEGIN
    -- The cells' current paths once per cell (a lateral index look-up each, whatever the planner
    -- guesses about the transition table), then the rows whose path differs.
    WITH cells AS (
        SELECT k.cell_id, c.path
          FROM (SELECT DISTINCT cell_id FROM new_rows) k
          LEFT JOIN LATERAL (SELECT o.path FROM org.current_organisation o WHERE o.org_id = k.cell_id) c ON true)
    SELECT array_agg(n.id), array_agg(c.path)
      INTO wrong_ids, right_paths
      FROM new_rows n
      JOIN cells c ON c.cell_id = n.cell_id
     WHERE n.cell_path IS DISTINCT FROM c.path;
    IF wrong_ids IS NOT NULL THEN
        UPDATE member.member m SET cell_path = w.path
          FROM unnest(wrong_ids, right_paths) AS w (id, path)
         WHERE m.id = w.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER member_cell_path_insert AFTER INSERT ON member.member
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member.check_inserted_cell_paths();
