package vn.partywork.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.approval.ActingLevel;
import vn.partywork.approval.ActingPermission;
import vn.partywork.approval.ActionKind;
import vn.partywork.approval.ApprovalStatus;
import vn.partywork.approval.ChainStep;
import vn.partywork.approval.TrailEntry;
import vn.partywork.shared.Database;

/**
 * Chains, requests, their step rounds and trail in schema {@code approval}. Organisation names and
 * paths come from the org module's published view {@code org.current_organisation}.
 */
@Repository
public class ApprovalStore {

    /** A chain definition. */
    public record Chain(String code, String name, Database database, List<ChainStep> steps) {}

    /** A request with its open step (if any) and the current names and paths of its organisations. */
    public record RequestRow(
            long id,
            String chainCode,
            String chainName,
            Database database,
            String title,
            String subjectType,
            String subjectId,
            long subjectOrgId,
            @Nullable String subjectOrgName,
            @Nullable String subjectPath,
            ApprovalStatus status,
            @Nullable Integer currentPosition,
            @Nullable ActionKind currentAction,
            @Nullable Long actingOrgId,
            @Nullable String actingOrgName,
            @Nullable String actingPath,
            @Nullable ActingPermission actingPermission,
            @Nullable LocalDate dueOn,
            long submittedByAccount,
            String submittedBy,
            Instant submittedAt,
            int version,
            String payload) {}

    private static final String SELECT = """
            SELECT r.id, r.chain_code, c.name AS chain_name, c.database, r.title, r.subject_type, r.subject_id,
                   r.subject_org_id, so.name AS subject_org_name, so.path::text AS subject_path, r.status,
                   r.current_position, s.action_kind, s.acting_org_id, ao.name AS acting_org_name,
                   ao.path::text AS acting_path, cs.acting_permission, s.due_on, r.submitted_by_account, r.submitted_by, r.submitted_at,
                   r.version, r.payload::text AS payload
              FROM approval.request r
              JOIN approval.chain c ON c.code = r.chain_code
              LEFT JOIN org.current_organisation so ON so.org_id = r.subject_org_id
              LEFT JOIN approval.request_step s ON s.request_id = r.id AND s.outcome IS NULL
              LEFT JOIN org.current_organisation ao ON ao.org_id = s.acting_org_id
              LEFT JOIN approval.chain_step cs ON cs.chain_code = r.chain_code AND cs.position = s.position
            """;

    private final JdbcClient jdbc;

    ApprovalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Chain> chain(String code) {
        return jdbc.sql("SELECT code, name, database FROM approval.chain WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new Chain(
                        rs.getString("code"),
                        rs.getString("name"),
                        Database.valueOf(rs.getString("database")),
                        steps(code)))
                .optional();
    }

    private List<ChainStep> steps(String code) {
        return jdbc.sql("""
                SELECT position, action_kind, acting_level, acting_body, deadline_days, acting_permission
                  FROM approval.chain_step WHERE chain_code = :code ORDER BY position""")
                .param("code", code)
                .query((rs, n) -> new ChainStep(
                        rs.getInt("position"),
                        ActionKind.valueOf(rs.getString("action_kind")),
                        ActingLevel.valueOf(rs.getString("acting_level")),
                        rs.getString("acting_body"),
                        rs.getInt("deadline_days"),
                        ActingPermission.valueOf(rs.getString("acting_permission"))))
                .list();
    }

    public long insertRequest(
            String chainCode,
            long subjectOrgId,
            String subjectType,
            String subjectId,
            String title,
            String payload,
            long accountId,
            String identifier,
            Instant at) {
        return jdbc.sql("""
                INSERT INTO approval.request (chain_code, subject_org_id, subject_type, subject_id, title, payload,
                                              status, current_position, submitted_by_account, submitted_by, submitted_at)
                VALUES (:chain, :org, :type, :subjectId, :title, CAST(:payload AS jsonb), 'IN_PROGRESS', 1,
                        :account, :identifier, :at)
                RETURNING id""")
                .param("chain", chainCode)
                .param("org", subjectOrgId)
                .param("type", subjectType)
                .param("subjectId", subjectId)
                .param("title", title)
                .param("payload", payload)
                .param("account", accountId)
                .param("identifier", identifier)
                .param("at", timestamp(at))
                .query(Long.class)
                .single();
    }

    public long openStep(
            long requestId, int position, ActionKind kind, long actingOrgId, LocalDate startedOn, LocalDate dueOn) {
        return jdbc.sql("""
                INSERT INTO approval.request_step (request_id, position, action_kind, acting_org_id, started_on, due_on)
                VALUES (:request, :position, :kind, :org, :started, :due)
                RETURNING id""")
                .param("request", requestId)
                .param("position", position)
                .param("kind", kind.name())
                .param("org", actingOrgId)
                .param("started", startedOn)
                .param("due", dueOn)
                .query(Long.class)
                .single();
    }

    public void closeOpenStep(long requestId, String outcome, LocalDate actedOn) {
        jdbc.sql("""
                UPDATE approval.request_step SET outcome = :outcome, acted_on = :on
                 WHERE request_id = :request AND outcome IS NULL""")
                .param("outcome", outcome)
                .param("on", actedOn)
                .param("request", requestId)
                .update();
    }

    /**
     * Moves the request to a new state if it still has the version the caller saw (ARCHITECTURE
     * rule 8); false when someone else changed it first.
     */
    public boolean move(
            long requestId,
            int expectedVersion,
            ApprovalStatus status,
            @Nullable Integer position,
            @Nullable Instant closedAt) {
        return jdbc.sql("""
                UPDATE approval.request
                   SET status = :status, current_position = :position, closed_at = :closed, version = version + 1
                 WHERE id = :id AND version = :version""")
                        .param("status", status.name())
                        .param("position", position)
                        .param("closed", closedAt == null ? null : timestamp(closedAt))
                        .param("id", requestId)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    public void updatePayload(long requestId, String payload) {
        jdbc.sql("UPDATE approval.request SET payload = CAST(:payload AS jsonb) WHERE id = :id")
                .param("payload", payload)
                .param("id", requestId)
                .update();
    }

    public void recordAction(
            long requestId,
            @Nullable Integer position,
            String action,
            long accountId,
            String identifier,
            Instant at,
            @Nullable String comment) {
        jdbc.sql("""
                INSERT INTO approval.request_action (request_id, position, action, actor_account, actor, acted_at, comment)
                VALUES (:request, :position, :action, :account, :actor, :at, :comment)""")
                .param("request", requestId)
                .param("position", position)
                .param("action", action)
                .param("account", accountId)
                .param("actor", identifier)
                .param("at", timestamp(at))
                .param("comment", comment)
                .update();
    }

    public Optional<RequestRow> byId(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id")
                .param("id", id)
                .query(ApprovalStore::row)
                .optional();
    }

    public List<TrailEntry> trail(long requestId) {
        return jdbc.sql("""
                SELECT action, position, actor_account, actor, acted_at, comment FROM approval.request_action
                 WHERE request_id = :id ORDER BY id""")
                .param("id", requestId)
                .query((rs, n) -> new TrailEntry(
                        rs.getString("action"),
                        (Integer) rs.getObject("position"),
                        rs.getLong("actor_account"),
                        rs.getString("actor"),
                        null,
                        instant(rs, "acted_at"),
                        rs.getString("comment")))
                .list();
    }

    /** Requests in progress whose open step's acting organisation lies inside the given subtrees per database. */
    public List<RequestRow> openStepsWithin(
            Map<Database, List<String>> paths, @Nullable LocalDate dueBefore, int limit) {
        if (paths.values().stream().allMatch(List::isEmpty)) {
            return List.of();
        }
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        int i = 0;
        for (Map.Entry<Database, List<String>> e : paths.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            clauses.add("(c.database = :db" + i + " AND ao.path <@ ANY(CAST(:p" + i + " AS ltree[])))");
            params.put("db" + i, e.getKey().name());
            params.put("p" + i, e.getValue().stream().collect(Collectors.joining(",", "{", "}")));
            i++;
        }
        String sql = SELECT + " WHERE r.status = 'IN_PROGRESS' AND (" + String.join(" OR ", clauses) + ")"
                + (dueBefore == null ? "" : " AND s.due_on < :dueBefore")
                + " ORDER BY s.due_on, r.id LIMIT :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).params(params).param("limit", limit);
        if (dueBefore != null) {
            spec = spec.param("dueBefore", dueBefore);
        }
        return spec.query(ApprovalStore::row).list();
    }

    /**
     * P-WF-1 inbox: requests in progress whose open step the account may act on: the acting
     * organisation lies inside a subtree where it holds APPROVE, or WRITE when the step accepts it,
     * on the chain's database; never its own requests (separation of duties).
     */
    public List<RequestRow> actionableBy(
            long accountId,
            Map<Database, List<String>> approvePaths,
            Map<Database, List<String>> writePaths,
            int limit) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        int i = 0;
        for (Database db : Database.values()) {
            List<String> approve = approvePaths.getOrDefault(db, List.of());
            List<String> write = writePaths.getOrDefault(db, List.of());
            if (approve.isEmpty() && write.isEmpty()) {
                continue;
            }
            clauses.add("(c.database = :db" + i + " AND (ao.path <@ ANY(CAST(:a" + i + " AS ltree[]))"
                    + " OR (cs.acting_permission = 'APPROVE_OR_WRITE' AND ao.path <@ ANY(CAST(:w" + i
                    + " AS ltree[])))))");
            params.put("db" + i, db.name());
            params.put("a" + i, approve.stream().collect(Collectors.joining(",", "{", "}")));
            params.put("w" + i, write.stream().collect(Collectors.joining(",", "{", "}")));
            i++;
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        String sql = SELECT + " WHERE r.status = 'IN_PROGRESS' AND r.submitted_by_account <> :account AND ("
                + String.join(" OR ", clauses) + ") ORDER BY s.due_on, r.id LIMIT :limit";
        return jdbc.sql(sql)
                .params(params)
                .param("account", accountId)
                .param("limit", limit)
                .query(ApprovalStore::row)
                .list();
    }

    public List<RequestRow> submittedBy(long accountId, int limit) {
        return jdbc.sql(
                        SELECT
                                + " WHERE r.submitted_by_account = :account ORDER BY r.submitted_at DESC, r.id DESC LIMIT :limit")
                .param("account", accountId)
                .param("limit", limit)
                .query(ApprovalStore::row)
                .list();
    }

    private static RequestRow row(ResultSet rs, int n) throws SQLException {
        String action = rs.getString("action_kind");
        Number actingOrg = (Number) rs.getObject("acting_org_id");
        java.sql.Date due = rs.getDate("due_on");
        String permission = rs.getString("acting_permission");
        return new RequestRow(
                rs.getLong("id"),
                rs.getString("chain_code"),
                rs.getString("chain_name"),
                Database.valueOf(rs.getString("database")),
                rs.getString("title"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getLong("subject_org_id"),
                rs.getString("subject_org_name"),
                rs.getString("subject_path"),
                ApprovalStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("current_position"),
                action == null ? null : ActionKind.valueOf(action),
                actingOrg == null ? null : actingOrg.longValue(),
                rs.getString("acting_org_name"),
                rs.getString("acting_path"),
                permission == null ? null : ActingPermission.valueOf(permission),
                due == null ? null : due.toLocalDate(),
                rs.getLong("submitted_by_account"),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                rs.getInt("version"),
                rs.getString("payload"));
    }

    // --- succession of organisations (ActingOrganisationSuccession)

    /** An open step and what is needed to resolve its acting organisation again. */
    public record OpenStepAt(
            long stepId,
            long requestId,
            String chainCode,
            int position,
            long subjectOrgId,
            String title,
            LocalDate dueOn) {}

    /** Requests still open (in progress or returned) whose subject is the organisation. */
    public List<Long> openRequestsAbout(long orgId) {
        return jdbc.sql("""
                SELECT id FROM approval.request
                 WHERE subject_org_id = :org AND status IN ('IN_PROGRESS', 'RETURNED')
                 ORDER BY id""").param("org", orgId).query(Long.class).list();
    }

    public void moveSubject(long requestId, long orgId) {
        jdbc.sql("UPDATE approval.request SET subject_org_id = :org, version = version + 1 WHERE id = :id")
                .param("org", orgId)
                .param("id", requestId)
                .update();
    }

    /** Open steps that the organisation is to act on. */
    public List<OpenStepAt> openStepsActedOnBy(long orgId) {
        return jdbc.sql("""
                SELECT s.id, s.request_id, r.chain_code, s.position, r.subject_org_id, r.title, s.due_on
                  FROM approval.request_step s
                  JOIN approval.request r ON r.id = s.request_id
                 WHERE s.acting_org_id = :org AND s.outcome IS NULL
                 ORDER BY s.id""")
                .param("org", orgId)
                .query((rs, n) -> new OpenStepAt(
                        rs.getLong("id"),
                        rs.getLong("request_id"),
                        rs.getString("chain_code"),
                        rs.getInt("position"),
                        rs.getLong("subject_org_id"),
                        rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    public void moveStep(long stepId, long actingOrgId) {
        jdbc.sql("UPDATE approval.request_step SET acting_org_id = :org WHERE id = :id")
                .param("org", actingOrgId)
                .param("id", stepId)
                .update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
