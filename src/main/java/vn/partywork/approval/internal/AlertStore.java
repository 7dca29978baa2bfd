package vn.partywork.approval.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.approval.ActingPermission;
import vn.partywork.approval.ActionKind;
import vn.partywork.shared.Database;

/** Read-only queries behind the alerts and the timeliness figures: open steps and {@code approval.step_timeliness}. */
@Repository
public class AlertStore {

    /** An open step of a request in progress, with its acting organisation's current name and path. */
    public record OpenStep(
            long stepId,
            long requestId,
            String chainName,
            Database database,
            String title,
            int position,
            ActionKind actionKind,
            long actingOrgId,
            @Nullable String actingOrgName,
            @Nullable String actingPath,
            LocalDate dueOn,
            ActingPermission actingPermission,
            long submittedByAccount) {}

    /** P-EV-1: one acting organisation's steps acted on and acted on by their due date. */
    public record Timeliness(long orgId, String orgName, String path, long stepsDone, long stepsOnTime) {}

    private static final String SELECT = """
            SELECT s.id, s.request_id, c.name AS chain_name, c.database, r.title, s.position, s.action_kind,
                   s.acting_org_id, ao.name AS acting_org_name, ao.path::text AS acting_path, s.due_on,
                   cs.acting_permission, r.submitted_by_account
              FROM approval.request_step s
              JOIN approval.request r ON r.id = s.request_id
              JOIN approval.chain c ON c.code = r.chain_code
              JOIN approval.chain_step cs ON cs.chain_code = r.chain_code AND cs.position = s.position
              LEFT JOIN org.current_organisation ao ON ao.org_id = s.acting_org_id
            """;

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OpenStep> openStep(long stepId) {
        return jdbc.sql(SELECT + " WHERE s.id = :id AND s.outcome IS NULL AND r.status = 'IN_PROGRESS'")
                .param("id", stepId)
                .query(AlertStore::row)
                .optional();
    }

    /** Open steps due on or before {@code lastDay}, by id after {@code afterId} (keyset paging for the daily job). */
    public List<OpenStep> openStepsDueBy(LocalDate lastDay, long afterId, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE s.outcome IS NULL AND r.status = 'IN_PROGRESS' AND s.due_on <= :lastDay AND s.id > :after
                 ORDER BY s.id LIMIT :limit""")
                .param("lastDay", lastDay)
                .param("after", afterId)
                .param("limit", limit)
                .query(AlertStore::row)
                .list();
    }

    /** Timeliness of the acting organisations inside the given subtrees, in tree order. */
    public List<Timeliness> timelinessWithin(List<String> paths, int limit) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT t.acting_org_id, o.name, o.path::text AS path, t.steps_done, t.steps_on_time
                  FROM approval.step_timeliness t
                  JOIN org.current_organisation o ON o.org_id = t.acting_org_id
                 WHERE o.path <@ ANY(CAST(:paths AS ltree[]))
                 ORDER BY o.path LIMIT :limit""")
                .param("paths", paths.stream().collect(Collectors.joining(",", "{", "}")))
                .param("limit", limit)
                .query((rs, n) -> new Timeliness(
                        rs.getLong("acting_org_id"),
                        rs.getString("name"),
                        rs.getString("path"),
                        rs.getLong("steps_done"),
                        rs.getLong("steps_on_time")))
                .list();
    }

    private static OpenStep row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OpenStep(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getString("chain_name"),
                Database.valueOf(rs.getString("database")),
                rs.getString("title"),
                rs.getInt("position"),
                ActionKind.valueOf(rs.getString("action_kind")),
                rs.getLong("acting_org_id"),
                rs.getString("acting_org_name"),
                rs.getString("acting_path"),
                rs.getObject("due_on", LocalDate.class),
                ActingPermission.valueOf(rs.getString("acting_permission")),
                rs.getLong("submitted_by_account"));
    }
}
