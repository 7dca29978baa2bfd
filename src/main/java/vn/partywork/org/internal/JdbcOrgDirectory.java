package vn.partywork.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgSummary;

@Component
class JdbcOrgDirectory implements OrgDirectory {

    private static final String CURRENT = """
            SELECT org_id, code, name, kind, parent_id, path::text AS path
              FROM org.organisation_version
             WHERE valid_to = 'infinity'
            """;

    private static final int MAX_LIMIT = 50;

    private final JdbcClient jdbc;
    private final Organisations organisations;

    JdbcOrgDirectory(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    @Override
    public List<OrgSummary> search(String query, @Nullable String withinPath, int limit) {
        if (query.isBlank() || limit <= 0) {
            return List.of();
        }
        String subtree =
                withinPath != null ? withinPath : root().map(OrgSummary::path).orElse(null);
        if (subtree == null) {
            return List.of();
        }
        int size = Math.min(limit, MAX_LIMIT);
        // The picker shows no total: counting stops as soon as the page is known to be full.
        return organisations
                .search(organisations.searchKey(query.strip()), List.of(subtree), size, 0, size)
                .items();
    }

    @Override
    public Optional<OrgSummary> current(long orgId) {
        return jdbc.sql(CURRENT + " AND org_id = :id")
                .param("id", orgId)
                .query(JdbcOrgDirectory::summary)
                .optional();
    }

    @Override
    public Map<Long, String> currentPaths(Collection<Long> orgIds) {
        Map<Long, String> paths = new LinkedHashMap<>();
        current(orgIds).forEach(o -> paths.put(o.id(), o.path()));
        return paths;
    }

    @Override
    public List<OrgSummary> current(Collection<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CURRENT + """
                   AND org_id = ANY(CAST(:ids AS bigint[]))
                 ORDER BY array_position(CAST(:ids AS bigint[]), org_id)
                """)
                .param("ids", ScopePaths.idArray(orgIds))
                .query(JdbcOrgDirectory::summary)
                .list();
    }

    @Override
    public Optional<OrgSummary> currentChildByCode(long parentId, String code) {
        return jdbc.sql(CURRENT + " AND parent_id = :parent AND lower(code) = lower(:code)")
                .param("parent", parentId)
                .param("code", code)
                .query(JdbcOrgDirectory::summary)
                .optional();
    }

    @Override
    public Optional<OrgSummary> root() {
        return jdbc.sql(CURRENT + " AND parent_id IS NULL")
                .query(JdbcOrgDirectory::summary)
                .optional();
    }

    static OrgSummary summary(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new OrgSummary(
                rs.getLong("org_id"),
                rs.getString("code"),
                rs.getString("name"),
                OrgKind.valueOf(rs.getString("kind")),
                rs.wasNull() ? null : parent,
                rs.getString("path"));
    }
}
