package vn.partywork.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.OrgTreeNode;

/**
 * The organisations and their valid-time versions (schema {@code org}). A version is valid during
 * {@code [valid_from, valid_to)}; the current one has {@code valid_to = 'infinity'}. Nothing here
 * checks scope or rules: {@code OrgStructure} and {@code OrgRestructuring} do.
 */
@Repository
public class Organisations {

    /** One row of {@code org.organisation_version}; {@code validTo} is null while current. */
    public record Version(
            long versionId,
            long orgId,
            String code,
            String name,
            OrgKind kind,
            @Nullable Long parentId,
            String path,
            LocalDate validFrom,
            @Nullable LocalDate validTo) {

        public OrgSummary summary() {
            return new OrgSummary(orgId, code, name, kind, parentId, path);
        }

        public boolean current() {
            return validTo == null;
        }
    }

    private static final String COLUMNS = """
            v.id AS version_id, v.org_id, v.code, v.name, v.kind, v.parent_id, v.path::text AS path,
            v.valid_from, NULLIF(v.valid_to, 'infinity') AS valid_to""";

    private static final String ON_DATE = "v.valid_from <= :day AND :day < v.valid_to";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Version> current(long orgId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM org.organisation_version v
                WHERE v.org_id = :id AND v.valid_to = 'infinity'
                """)
                .param("id", orgId)
                .query(Organisations::version)
                .optional();
    }

    public Optional<Version> onDate(long orgId, LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org.organisation_version v WHERE v.org_id = :id AND " + ON_DATE)
                .param("id", orgId)
                .param("day", day)
                .query(Organisations::version)
                .optional();
    }

    /** The current version, or the last one of an organisation that no longer exists. */
    public Optional<Version> latest(long orgId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM org.organisation_version v
                WHERE v.org_id = :id
                ORDER BY v.valid_from DESC
                LIMIT 1
                """)
                .param("id", orgId)
                .query(Organisations::version)
                .optional();
    }

    /** First day the organisation existed and, if it has ceased to exist, the day it did. */
    public LifeSpan lifeSpan(long orgId) {
        return jdbc.sql("""
                SELECT min(valid_from) AS established_on,
                       CASE WHEN bool_or(valid_to = 'infinity') THEN NULL ELSE max(valid_to) END AS ended_on
                  FROM org.organisation_version
                 WHERE org_id = :id
                """)
                .param("id", orgId)
                .query((rs, n) -> new LifeSpan(
                        rs.getObject("established_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class)))
                .single();
    }

    public record LifeSpan(
            LocalDate establishedOn, @Nullable LocalDate endedOn) {}

    /** Versions valid on the day, in the order of the ids given (the breadcrumb of a path). */
    public List<Version> onDate(List<Long> orgIds, LocalDate day) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM org.organisation_version v
                WHERE v.org_id = ANY(CAST(:ids AS bigint[])) AND %s
                ORDER BY array_position(CAST(:ids AS bigint[]), v.org_id)
                """.formatted(ON_DATE))
                .param("ids", ScopePaths.idArray(orgIds))
                .param("day", day)
                .query(Organisations::version)
                .list();
    }

    /** Children valid on the day, each with its own number of children that day. */
    public List<OrgTreeNode> childrenOnDate(long parentId, LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + """
                     , (SELECT count(*)
                          FROM org.organisation_version c
                         WHERE c.parent_id = v.org_id AND c.valid_from <= :day AND :day < c.valid_to) AS child_count
                  FROM org.organisation_version v
                 WHERE v.parent_id = :parent AND %s
                 ORDER BY v.code, v.name, v.org_id
                """.formatted(ON_DATE))
                .param("parent", parentId)
                .param("day", day)
                .query((rs, n) -> new OrgTreeNode(version(rs, n).summary(), rs.getInt("child_count")))
                .list();
    }

    public int childCountOnDate(long parentId, LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM org.organisation_version v WHERE v.parent_id = :parent AND " + ON_DATE)
                .param("parent", parentId)
                .param("day", day)
                .query(Integer.class)
                .single();
    }

    public List<Version> currentChildren(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM org.organisation_version v
                WHERE v.parent_id = :parent AND v.valid_to = 'infinity'
                ORDER BY v.code, v.org_id
                """)
                .param("parent", parentId)
                .query(Organisations::version)
                .list();
    }

    /**
     * Locks the current versions of the organisations, in id order so that two restructurings
     * never wait on each other in a cycle. An id missing from the result is gone or was changed
     * by a transaction that committed while this one waited.
     */
    public List<Version> lockCurrent(Collection<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM org.organisation_version v
                WHERE v.org_id = ANY(CAST(:ids AS bigint[])) AND v.valid_to = 'infinity'
                ORDER BY v.org_id
                  FOR UPDATE
                """)
                .param("ids", ScopePaths.idArray(orgIds))
                .query(Organisations::version)
                .list();
    }

    /** Locks the current versions of a whole subtree (the root included), in id order. */
    public List<Version> lockCurrentSubtree(String path) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM org.organisation_version v
                WHERE v.path <@ CAST(:path AS ltree) AND v.valid_to = 'infinity'
                ORDER BY v.org_id
                  FOR UPDATE
                """)
                .param("path", path)
                .query(Organisations::version)
                .list();
    }

    /**
     * Serialises restructurings for the rest of the transaction. Row locks cannot stop a concurrent
     * move into a subtree that this transaction is re-pathing (the moved row is a phantom to the
     * subtree lock); restructurings are rare, so one transaction-scoped advisory lock is the simple,
     * safe answer. Reads and other modules are not blocked.
     */
    public void lockTree() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('org.restructuring'))")
                .query((rs, n) -> 1)
                .single();
    }

    /** True when a current sibling under the parent has the code, case-insensitively (P-ORG-2). */
    public boolean siblingCodeTaken(long parentId, String code, Collection<Long> ignoredOrgIds) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1
                                 FROM org.organisation_version v
                                WHERE v.parent_id = :parent AND v.valid_to = 'infinity'
                                  AND lower(v.code) = lower(:code)
                                  AND NOT (v.org_id = ANY(CAST(:ignored AS bigint[]))))
                """)
                .param("parent", parentId)
                .param("code", code)
                .param("ignored", ScopePaths.idArray(ignoredOrgIds))
                .query(Boolean.class)
                .single();
    }

    public boolean rootExists() {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM org.organisation_version WHERE parent_id IS NULL AND valid_to = 'infinity')
                """).query(Boolean.class).single();
    }

    public long newOrganisation() {
        return jdbc.sql("INSERT INTO org.organisation DEFAULT VALUES RETURNING id")
                .query(Long.class)
                .single();
    }

    public void open(
            long orgId,
            String code,
            String name,
            OrgKind kind,
            @Nullable Long parentId,
            String path,
            LocalDate from,
            long changeId) {
        jdbc.sql("""
                INSERT INTO org.organisation_version (org_id, code, name, kind, parent_id, path, valid_from, opened_by)
                VALUES (:org, :code, :name, :kind, :parent, CAST(:path AS ltree), :from, :change)
                """)
                .param("org", orgId)
                .param("code", code)
                .param("name", name)
                .param("kind", kind.name())
                .param("parent", parentId)
                .param("path", path)
                .param("from", from)
                .param("change", changeId)
                .update();
    }

    /**
     * P-WF-3: corrects a recorded error in the current version's code and name in place (an
     * approved correction request, not a rename: nothing happened in reality, so no new version).
     */
    public void correctCurrent(long versionId, String code, String name) {
        int updated = jdbc.sql("""
                UPDATE org.organisation_version SET code = :code, name = :name
                 WHERE id = :id AND valid_to = 'infinity'
                """)
                .param("code", code)
                .param("name", name)
                .param("id", versionId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No current version " + versionId);
        }
    }

    /** Ends the current version of one organisation on {@code day} (exclusive). */
    public void close(long orgId, LocalDate day, long changeId) {
        int closed = jdbc.sql("""
                UPDATE org.organisation_version
                   SET valid_to = :day, closed_by = :change
                 WHERE org_id = :org AND valid_to = 'infinity'
                """)
                .param("org", orgId)
                .param("day", day)
                .param("change", changeId)
                .update();
        if (closed != 1) {
            throw new IllegalStateException("No current version of organisation " + orgId);
        }
    }

    /**
     * Moves the subtree rooted at {@code rootOrgId} (current path {@code oldPath}) under a new
     * parent: every current version in it is closed on {@code day} and reopened with the new path;
     * only the root's parent changes. Returns how many organisations moved.
     */
    public int moveSubtree(
            long rootOrgId, String oldPath, long newParentId, String newParentPath, LocalDate day, long changeId) {
        int closed = jdbc.sql("""
                UPDATE org.organisation_version
                   SET valid_to = :day, closed_by = :change
                 WHERE path <@ CAST(:old AS ltree) AND valid_to = 'infinity'
                """)
                .param("old", oldPath)
                .param("day", day)
                .param("change", changeId)
                .update();
        int opened = jdbc.sql("""
                INSERT INTO org.organisation_version (org_id, code, name, kind, parent_id, path, valid_from, opened_by)
                SELECT org_id, code, name, kind,
                       CASE WHEN org_id = :root THEN :newParent ELSE parent_id END,
                       CAST(:newParentPath AS ltree) || subpath(path, nlevel(CAST(:old AS ltree)) - 1),
                       :day, :change
                  FROM org.organisation_version
                 WHERE path <@ CAST(:old AS ltree) AND closed_by = :change AND valid_to = :day
                """)
                .param("root", rootOrgId)
                .param("newParent", newParentId)
                .param("newParentPath", newParentPath)
                .param("old", oldPath)
                .param("day", day)
                .param("change", changeId)
                .update();
        if (opened != closed) {
            throw new IllegalStateException("Moved " + closed + " versions but reopened " + opened);
        }
        return opened;
    }

    /** Current organisations by kind inside the subtrees (for the home page). */
    public Map<OrgKind, Long> countByKind(List<String> rootPaths) {
        Map<OrgKind, Long> counts = new EnumMap<>(OrgKind.class);
        for (OrgKind kind : OrgKind.values()) {
            counts.put(kind, 0L);
        }
        if (rootPaths.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT v.kind, count(*) AS n
                  FROM org.organisation_version v
                 WHERE v.valid_to = 'infinity' AND v.path <@ ANY(CAST(:paths AS ltree[]))
                 GROUP BY v.kind
                """)
                .param("paths", ScopePaths.ltreeArray(rootPaths))
                .query((rs, n) -> counts.put(OrgKind.valueOf(rs.getString("kind")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** One page of search results; {@code total} stops at the cap the caller gave, then {@code capped} is set. */
    public record SearchResult(List<OrgSummary> items, long total, boolean capped) {}

    /**
     * Unaccented search of current organisations inside the subtrees: {@code key} is already folded
     * by {@code public.search_key}. Exact matches (name or code) first, then names or codes starting
     * with the key, then names with a word starting with it, then the rest; within each, higher
     * levels before lower ones, then by name and id. Counting stops after {@code cap} matches.
     *
     * <p>Two plans, one ranking. When more than {@code cap} organisations start with the key (a
     * common phrase such as "chi bo thon dong" or "chi bo"), every row of the page is one of those
     * prefix matches, so the page is read level by level from the index in ranking order, at most
     * {@code offset + limit} rows per level, and the trigram index, whose cost grows with each
     * match, is not touched. Otherwise all matches are ranked (the page may need the word and
     * substring matches); there are then few prefix matches and counting stops at the cap.
     */
    public SearchResult search(String key, List<String> rootPaths, int limit, long offset, int cap) {
        if (offset + limit <= cap) {
            Map<String, Object> params = searchParams(key, rootPaths);
            params.put("probe", cap + 1);
            // The depth as a value, not a sub-select: the planner then knows the level loop runs a
            // handful of times (a sub-select is costed as 1,000 and can tip the query into JIT).
            params.put("depth", depth());
            PrefixMatches prefixes = jdbc.sql("""
                    SELECT count(DISTINCT c.org_id) AS total, count(*) FILTER (WHERE c.by_code) AS by_code
                      FROM (SELECT m.org_id, false AS by_code
                              FROM generate_series(1, :depth) AS l(level)
                             CROSS JOIN LATERAL (
                                   SELECT v.org_id
                                     FROM org.organisation_version v
                                    WHERE v.valid_to = 'infinity' AND nlevel(v.path) = l.level
                                      AND %s
                                      AND v.path <@ ANY(CAST(:paths AS ltree[]))
                                    LIMIT :probe) m
                            UNION ALL
                            (SELECT v.org_id, true
                               FROM org.organisation_version v
                              WHERE v.valid_to = 'infinity' AND %s
                                AND v.path <@ ANY(CAST(:paths AS ltree[]))
                              LIMIT :probe)) c
                    """.formatted(NAME_PREFIX, CODE_PREFIX))
                    .params(params)
                    .query((rs, n) -> new PrefixMatches(rs.getLong("total"), rs.getLong("by_code")))
                    .single();
            if (prefixes.total() > cap && prefixes.byCode() <= cap) {
                return new SearchResult(prefixPage(params, limit, offset), cap, true);
            }
        }
        SearchResult all = rankAll(key, rootPaths, limit, offset);
        return new SearchResult(all.items(), Math.min(all.total(), cap), all.total() > cap);
    }

    private record PrefixMatches(long total, long byCode) {}

    /** Levels of the current tree (the root is level 1); read from the end of the level index. */
    private int depth() {
        return jdbc.sql(
                        "SELECT coalesce(max(nlevel(path)), 0) FROM org.organisation_version WHERE valid_to = 'infinity'")
                .query(Integer.class)
                .single();
    }

    // Prefixes as byte ranges [key, key || U+10FFFF) rather than LIKE 'key%': a range stays an
    // index range in a generic (prepared) plan, where LIKE with a parameter does not.
    private static final String NAME_PREFIX = """
            v.search_name COLLATE "C" >= :lo AND v.search_name COLLATE "C" < :hi""";
    private static final String CODE_PREFIX = """
            :key <> '' AND lower(v.code) ~>=~ :lo AND lower(v.code) ~<~ :hi""";
    private static final String RANK = """
            CASE WHEN v.search_name = :key OR lower(v.code) = :key THEN 0
                 WHEN v.search_name LIKE :prefix ESCAPE '\\' OR lower(v.code) LIKE :prefix ESCAPE '\\' THEN 1
                 WHEN v.search_name LIKE :wordPrefix ESCAPE '\\' THEN 2
                 ELSE 3 END,
            nlevel(v.path), v.search_name COLLATE "C", v.org_id""";
    private static final String MATCHES_ANYWHERE = """
            v.valid_to = 'infinity'
            AND (v.search_name LIKE :contains ESCAPE '\\' OR lower(v.code) LIKE :prefix ESCAPE '\\')""";
    private static final String MATCHES = MATCHES_ANYWHERE + " AND v.path <@ ANY(CAST(:paths AS ltree[]))";

    /**
     * A scope that holds the root holds everything: leave the path test out. PostgreSQL cannot
     * estimate {@code path <@ ANY(...)} and takes it as selective, so with it a national search
     * walks all 360,000 organisations by path (230 ms) instead of the trigram index (bench/org-tree).
     */
    private static String matches(List<String> rootPaths) {
        return rootPaths.stream().anyMatch(path -> path.indexOf('.') < 0) ? MATCHES_ANYWHERE : MATCHES;
    }

    /** The page when it lies wholly among the prefix matches: the first rows of each level, plus every code match. */
    private List<OrgSummary> prefixPage(Map<String, Object> params, int limit, long offset) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                  FROM (SELECT m.*
                          FROM generate_series(1, :depth) AS l(level)
                         CROSS JOIN LATERAL (
                               SELECT v.*
                                 FROM org.organisation_version v
                                WHERE v.valid_to = 'infinity' AND nlevel(v.path) = l.level
                                  AND %s
                                  AND v.path <@ ANY(CAST(:paths AS ltree[]))
                                ORDER BY v.search_name COLLATE "C", v.org_id
                                LIMIT :window) m
                        UNION
                        (SELECT v.*
                           FROM org.organisation_version v
                          WHERE v.valid_to = 'infinity' AND %s
                            AND v.path <@ ANY(CAST(:paths AS ltree[]))
                          LIMIT :probe)) v
                 ORDER BY %s
                 LIMIT :limit OFFSET :offset
                """.formatted(NAME_PREFIX, CODE_PREFIX, RANK))
                .params(params)
                .param("window", offset + limit)
                .param("limit", limit)
                .param("offset", offset)
                .query(Organisations::version)
                .list()
                .stream()
                .map(Version::summary)
                .toList();
    }

    /**
     * Every match ranked, with the number of matches counted in the same pass (the rows are read
     * for the ranking anyway). A separate capped count ({@code LIMIT} in a sub-select) looked
     * cheaper but, once the statement is prepared, PostgreSQL's generic plan for it is a
     * sequential scan that hopes to stop early: 120 ms instead of 5 on a province.
     */
    private SearchResult rankAll(String key, List<String> rootPaths, int limit, long offset) {
        Map<String, Object> params = searchParams(key, rootPaths);
        long[] total = {0};
        List<OrgSummary> items = jdbc.sql("SELECT " + COLUMNS + """
                     , count(*) OVER () AS total
                  FROM org.organisation_version v
                 WHERE %s
                 ORDER BY %s
                 LIMIT :limit OFFSET :offset
                """.formatted(matches(rootPaths), RANK))
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return version(rs, n).summary();
                })
                .list();
        if (items.isEmpty() && offset > 0) {
            // Past the last page: the window saw no row to report on, so count on its own.
            total[0] = jdbc.sql("SELECT count(*) FROM org.organisation_version v WHERE " + matches(rootPaths))
                    .params(params)
                    .query(Long.class)
                    .single();
        }
        return new SearchResult(items, total[0], false);
    }

    private static Map<String, Object> searchParams(String key, List<String> rootPaths) {
        Map<String, Object> params = new HashMap<>();
        params.put("paths", ScopePaths.ltreeArray(rootPaths));
        params.put("key", key);
        params.put("lo", key);
        params.put("hi", key + "\uDBFF\uDFFF");
        params.put("contains", "%" + likeEscaped(key) + "%");
        params.put("prefix", likeEscaped(key) + "%");
        params.put("wordPrefix", "% " + likeEscaped(key) + "%");
        return params;
    }

    public String searchKey(String text) {
        return jdbc.sql("SELECT public.search_key(:text)")
                .param("text", text)
                .query(String.class)
                .single();
    }

    /** Current descendants (not the organisation itself) inside the subtrees, in path order. */
    public List<OrgSummary> descendants(String path, List<String> rootPaths, int limit, long offset) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                  FROM org.organisation_version v
                 WHERE v.valid_to = 'infinity' AND v.path <@ CAST(:path AS ltree) AND v.path <> CAST(:path AS ltree)
                   AND v.path <@ ANY(CAST(:paths AS ltree[]))
                 ORDER BY v.path
                 LIMIT :limit OFFSET :offset
                """)
                .param("path", path)
                .param("paths", ScopePaths.ltreeArray(rootPaths))
                .param("limit", limit)
                .param("offset", offset)
                .query(Organisations::version)
                .list()
                .stream()
                .map(Version::summary)
                .toList();
    }

    public long countDescendants(String path, List<String> rootPaths) {
        return jdbc.sql("""
                SELECT count(*)
                  FROM org.organisation_version v
                 WHERE v.valid_to = 'infinity' AND v.path <@ CAST(:path AS ltree) AND v.path <> CAST(:path AS ltree)
                   AND v.path <@ ANY(CAST(:paths AS ltree[]))
                """)
                .param("path", path)
                .param("paths", ScopePaths.ltreeArray(rootPaths))
                .query(Long.class)
                .single();
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Version version(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Version(
                rs.getLong("version_id"),
                rs.getLong("org_id"),
                rs.getString("code"),
                rs.getString("name"),
                OrgKind.valueOf(rs.getString("kind")),
                parentId,
                rs.getString("path"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
    }
}
