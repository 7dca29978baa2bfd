package vn.partywork.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditEvent.FieldChange;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.AuditPage;
import vn.partywork.audit.AuditQuery;
import vn.partywork.audit.AuditRecord;
import vn.partywork.audit.AuditTrail;
import vn.partywork.audit.AuditValueLabels;
import vn.partywork.audit.AuditVerification;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

@Component
class JdbcAuditTrail implements AuditTrail {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final String COLUMNS = """
            occurred_at, actor_id, actor_identifier, acting_org_id, grant_id, client_address, request_id, action,
            target_type, target_id, classification, basis, changes, details""";
    /** The view of chained events and those still waiting for the sealer. */
    private static final String ALL_EVENTS = "audit.event";

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final Checkpoints checkpoints;
    private final Map<String, AuditValueLabels> labels;
    private final AuditNames names;

    JdbcAuditTrail(
            JdbcClient jdbc,
            DataSource dataSource,
            AuditLog audit,
            Checkpoints checkpoints,
            List<AuditValueLabels> labels,
            AuditNames names) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.labels = labels.stream().collect(java.util.stream.Collectors.toMap(AuditValueLabels::targetType, l -> l));
        this.names = names;
    }

    /**
     * A skip scan of {@code chain_by_target} (one index probe per distinct type, not a pass over
     * every event) and the few pending rows.
     */
    @Override
    public List<String> targetTypes(AccessScope scope) {
        requireAuditor(scope);
        return jdbc.sql("""
                WITH RECURSIVE types(t) AS (
                    (SELECT left(target_type, 64) FROM audit.chain ORDER BY left(target_type, 64) LIMIT 1)
                    UNION ALL
                    SELECT (SELECT left(c.target_type, 64) FROM audit.chain c WHERE left(c.target_type, 64) > types.t
                             ORDER BY left(c.target_type, 64) LIMIT 1)
                      FROM types WHERE types.t IS NOT NULL)
                SELECT t FROM types WHERE t IS NOT NULL
                UNION
                SELECT DISTINCT target_type FROM audit.pending
                ORDER BY 1
                """).query(String.class).list();
    }

    @Override
    public AuditPage search(AccessScope scope, AuditQuery query, int page, int size) {
        requireAuditor(scope);
        int safePage = Math.max(0, page);
        int safeSize = Math.min(Math.max(1, size), 200);
        audit.record(AuditEvent.of(AuditAction.SEARCH, "audit_event", null)
                .detail("criteria", query.criteria())
                .detail("page", safePage)
                .build());
        Filter filter = filter(query);
        List<AuditRecord> rows = filter.apply(jdbc.sql("SELECT * FROM " + ALL_EVENTS + filter.where
                        + " ORDER BY seq DESC LIMIT :limit OFFSET :offset"))
                .param("limit", safeSize + 1)
                .param("offset", (long) safePage * safeSize)
                .query((rs, n) -> record(rs))
                .list();
        boolean hasNext = rows.size() > safeSize;
        return new AuditPage(hasNext ? rows.subList(0, safeSize) : rows, safePage, safeSize, hasNext);
    }

    @Override
    public List<AuditRecord> history(String targetType, String targetId) {
        return jdbc
                .sql("SELECT * FROM " + ALL_EVENTS + """
                 WHERE left(target_type, 64) = left(:type, 64) AND left(target_id, 200) = left(:id, 200)
                   AND target_type = :type AND target_id = :id
                 ORDER BY seq
                """)
                .param("type", targetType)
                .param("id", targetId)
                .query((rs, n) -> record(rs))
                .list()
                .stream()
                .map(this::named)
                .toList();
    }

    /**
     * P-AU-2 on a record's own page: stored codes and ids as the owning module names them ("Chính
     * thức", "Kinh"); a value it does not name, or fails to name, is shown as stored.
     */
    private AuditRecord named(AuditRecord r) {
        AuditValueLabels names = labels.get(r.targetType());
        if (names == null || r.changes().isEmpty()) {
            return r;
        }
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        r.changes()
                .forEach((field, change) -> changes.put(
                        field,
                        new FieldChange(name(names, field, change.oldValue()), name(names, field, change.newValue()))));
        return new AuditRecord(
                r.seq(),
                r.chained(),
                r.occurredAt(),
                r.actorId(),
                r.actorIdentifier(),
                r.actingOrgId(),
                r.grantId(),
                r.clientAddress(),
                r.requestId(),
                r.action(),
                r.targetType(),
                r.targetId(),
                r.classification(),
                r.basis(),
                changes,
                r.details());
    }

    private static @Nullable Object name(AuditValueLabels names, String field, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            String label = names.label(field, value);
            return label == null ? value : label;
        } catch (RuntimeException e) {
            return value; // an unknown code or a malformed value: show what is stored
        }
    }

    @Override
    public void exportCsv(AccessScope scope, AuditQuery query, Writer out) {
        requireAuditor(scope);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "audit_event", null)
                .detail("criteria", query.criteria())
                .detail("format", "csv")
                .detail("limit", MAX_EXPORT)
                .build());
        Filter filter = filter(query);
        try {
            out.write('\uFEFF');
            out.write(csvLine(List.of(
                    "Số thứ tự",
                    "Thời điểm",
                    "Mã tài khoản",
                    "Tài khoản",
                    "Tổ chức thực hiện",
                    "Phân quyền",
                    "Địa chỉ máy",
                    "Mã yêu cầu",
                    "Hành động",
                    "Loại đối tượng",
                    "Mã đối tượng",
                    "Độ mật",
                    "Căn cứ",
                    "Thay đổi",
                    "Chi tiết")));
            filter.apply(jdbc.sql("SELECT * FROM " + ALL_EVENTS + filter.where + " ORDER BY seq LIMIT :limit"))
                    .param("limit", MAX_EXPORT)
                    .query((ResultSet rs) -> {
                        try {
                            AuditRecord r = record(rs);
                            out.write(csvLine(List.of(
                                    Long.toString(r.seq()) + (r.chained() ? "" : " (chờ)"),
                                    r.occurredAt().atZoneSameInstant(VIETNAM).format(CSV_TIME),
                                    text(rs, "actor_id"),
                                    text(rs, "actor_identifier"),
                                    text(rs, "acting_org_id"),
                                    text(rs, "grant_id"),
                                    names.address(r.clientAddress()),
                                    text(rs, "request_id"),
                                    names.action(r.action()),
                                    names.target(r.targetType()),
                                    text(rs, "target_id"),
                                    names.classification(r.classification()),
                                    text(rs, "basis"),
                                    lines(names.changes(r)),
                                    lines(names.details(r)))));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AuditVerification verify(AccessScope scope) {
        requireAuditor(scope);
        return verify("audit");
    }

    @Override
    public String checkpoint(AccessScope scope) {
        requireAuditor(scope);
        return checkpoints
                .checkpointNow()
                .map(SignedCheckpoint::note)
                .orElseThrow(() -> DomainException.conflict("audit.checkpoint.busy"));
    }

    /** Verifies the log in {@code schema} (the tests' tampered copies live in other schemas). */
    AuditVerification verify(String schema) {
        List<SignedCheckpoint> trusted;
        try {
            trusted = checkpoints.trusted(schema);
        } catch (IllegalArgumentException e) {
            return AuditVerification.broken(
                    0, 1, "a stored checkpoint is not signed by this deployment's key: " + e.getMessage());
        }
        try (Connection connection = dataSource.getConnection()) {
            return ChainVerifier.verify(connection, schema, trusted);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private static void requireAuditor(AccessScope scope) {
        if (!scope.has(Permission.AUDIT)) {
            throw DomainException.forbidden("audit.forbidden");
        }
    }

    private record Filter(String where, Map<String, Object> params) {
        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec spec) {
            return spec.params(params);
        }
    }

    private static Filter filter(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.actor() != null) {
            // the index holds a bounded prefix (V2026_12_08_0100)
            conditions.add("left(actor_identifier, 64) = left(:actor, 64) AND actor_identifier = :actor");
            params.put("actor", query.actor());
        }
        if (query.targetType() != null) {
            conditions.add("left(target_type, 64) = left(:targetType, 64) AND target_type = :targetType");
            params.put("targetType", query.targetType());
        }
        if (query.targetId() != null) {
            conditions.add("left(target_id, 200) = left(:targetId, 200) AND target_id = :targetId");
            params.put("targetId", query.targetId());
        }
        if (query.action() != null) {
            conditions.add("action = :action");
            params.put("action", query.action().name());
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", query.from().atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        boolean chained = rs.getBytes("hash") != null;
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        JdbcAuditLog.JSON
                .readValue(rs.getString("changes"), CHANGES)
                .forEach((field, pair) -> changes.put(field, new FieldChange(pair.get("old"), pair.get("new"))));
        Map<String, Object> details = JdbcAuditLog.JSON.readValue(rs.getString("details"), DETAILS);
        return new AuditRecord(
                seq,
                chained,
                rs.getObject("occurred_at", OffsetDateTime.class)
                        .atZoneSameInstant(VIETNAM)
                        .toOffsetDateTime(),
                longOrNull(rs, "actor_id"),
                rs.getString("actor_identifier"),
                longOrNull(rs, "acting_org_id"),
                longOrNull(rs, "grant_id"),
                rs.getString("client_address"),
                rs.getString("request_id"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("classification"),
                rs.getString("basis"),
                changes,
                details);
    }

    private static String lines(List<AuditNames.Line> lines) {
        return lines.stream().map(l -> l.label() + ": " + l.text()).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets never run a cell as a formula. */
    static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (i > 0) {
                line.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.append("\r\n").toString();
    }
}
