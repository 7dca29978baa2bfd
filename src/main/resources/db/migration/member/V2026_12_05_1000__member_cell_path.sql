-- Issue 5 item 10a: scoped member search at national scale (6.3 M members, ~300,000 cells).
--
-- The search used to join every candidate member to org.current_organisation to test the cell's
-- path against the caller's subtrees, so a province user's name search ranked matches from the
-- whole country before the scope threw 97 % of them away. Each member now carries a copy of its
-- cell's current path (cell_path), and the search filters and indexes on it directly.
--
-- Kept right in the transaction of every change:
--  * a member gets or changes cell: trigger member_cell_path below, whoever writes (service,
--    batch, COPY of the import);
--  * a subtree moves in the org tree (chuyển giao, children carried by chia tách / hợp nhất /
--    sáp nhập): MemberCellPaths hears org's OrganisationMoved synchronously and rewrites the prefix;
--  * a cell ends: MemberCellPaths clears the path (no current cell, found by nobody, as with the
--    join before) until the members follow a successor, which changes their cell_id.

CREATE FUNCTION member.current_cell_path(cell bigint) RETURNS public.ltree
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT path FROM org.current_organisation WHERE org_id = cell $$;

-- Replaced by member_scope_name below (dropped first so that the rewrite does not rebuild it).
DROP INDEX member.member_search_name;

ALTER TABLE member.member ADD COLUMN cell_path public.ltree;
-- Filled by rewriting the table once (every index is rebuilt in one sort) rather than by an UPDATE
-- of millions of rows, which would insert into each index row by row and leave a dead twin of
-- every row behind. On a big database run VACUUM (ANALYZE) member.member afterwards: a rewritten
-- table has an empty visibility map, and the counts below are index-only scans only once it is set.
SET LOCAL maintenance_work_mem = '256MB';
ALTER TABLE member.member ALTER COLUMN cell_path TYPE public.ltree USING member.current_cell_path(cell_id);

CREATE FUNCTION member.keep_cell_path() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.cell_id IS DISTINCT FROM OLD.cell_id THEN
        NEW.cell_path := member.current_cell_path(NEW.cell_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER member_cell_path BEFORE INSERT OR UPDATE OF cell_id ON member.member
    FOR EACH ROW EXECUTE FUNCTION member.keep_cell_path();

-- The indexes of the scoped search (Members.within chooses the form of the scope condition that
-- each serves). Measured with EXPLAIN (ANALYZE, BUFFERS) on the national data set, see the report
-- of issue 5 item 10a:
--
-- member_scope_name: a name search in a scope. GIN over the ids of the cell's ancestors (its path
-- as an array) and the name's trigrams: "a descendant of org 5 whose name contains 'nguyen van
-- hung'" is the intersection of the posting list of 5 with those of the trigrams, computed inside
-- the index, so a province reads its own few hundred candidates instead of the country's tens of
-- thousands. Serves a scope alone (a ward's members), a name alone (the root's searches), LIKE
-- and the typo operator <% alike.
CREATE FUNCTION member.scope_ids(path public.ltree) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT string_to_array(public.ltree2text(path), '.')::bigint[] $$;
CREATE INDEX member_scope_name ON member.member
    USING gin (member.scope_ids(cell_path), search_name gin_trgm_ops);

-- A province's members in name order, by status (status = ..., gender on the index for counting),
-- and all current ones (the default search without a status): the first page of a filter without
-- a name reads twenty entries instead of sorting a province.
CREATE INDEX member_province_status_name ON member.member (public.subpath(cell_path, 0, 2), status, search_name, id)
    INCLUDE (gender);
CREATE INDEX member_province_name ON member.member (public.subpath(cell_path, 0, 2), search_name, id)
    WHERE status IN ('PENDING_ADMISSION', 'PROBATIONARY', 'OFFICIAL');

-- Statistics of the new expressions for the planner.
ANALYZE member.member;
