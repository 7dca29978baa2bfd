package vn.partywork.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.org.ChangeParticipant;
import vn.partywork.org.ChangeRole;
import vn.partywork.org.OrgHistoryEntry;
import vn.partywork.org.OrgRef;
import vn.partywork.org.StructuralChangeKind;
import vn.partywork.shared.Decision;

/**
 * The restructuring operations with their decisions ({@code org.structural_change}) and who took
 * part in them ({@code org.change_participant}). A participant's {@code detail} keeps the names as
 * they were, so the timeline reads the same however the tree changes later.
 */
@Repository
public class StructuralChanges {

    private final JdbcClient jdbc;

    StructuralChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long record(
            StructuralChangeKind kind,
            LocalDate effectiveOn,
            Decision decision,
            @Nullable String note,
            @Nullable Long recordedBy,
            String recordedByName) {
        return jdbc.sql("""
                INSERT INTO org.structural_change (kind, effective_on, decision_number, decision_date, decision_issuer,
                                                   note, recorded_by, recorded_by_name)
                VALUES (:kind, :effectiveOn, :number, :date, :issuer, :note, :by, :byName)
                RETURNING id
                """)
                .param("kind", kind.name())
                .param("effectiveOn", effectiveOn)
                .param("number", decision.number())
                .param("date", decision.date())
                .param("issuer", decision.issuer())
                .param("note", note)
                .param("by", recordedBy)
                .param("byName", recordedByName)
                .query(Long.class)
                .single();
    }

    public void participant(long changeId, ChangeParticipant p) {
        jdbc.sql("""
                INSERT INTO org.change_participant (change_id, org_id, role, detail)
                VALUES (:change, :org, :role, jsonb_strip_nulls(jsonb_build_object(
                        'code', CAST(:code AS text), 'name', CAST(:name AS text),
                        'previousCode', CAST(:previousCode AS text), 'previousName', CAST(:previousName AS text),
                        'previousParentId', CAST(:previousParentId AS bigint),
                        'previousParentCode', CAST(:previousParentCode AS text),
                        'previousParentName', CAST(:previousParentName AS text),
                        'newParentId', CAST(:newParentId AS bigint),
                        'newParentCode', CAST(:newParentCode AS text),
                        'newParentName', CAST(:newParentName AS text))))
                """)
                .param("change", changeId)
                .param("org", p.orgId())
                .param("role", p.role().name())
                .param("code", p.code())
                .param("name", p.name())
                .param("previousCode", p.previousCode())
                .param("previousName", p.previousName())
                .param(
                        "previousParentId",
                        p.previousParent() == null ? null : p.previousParent().id())
                .param(
                        "previousParentCode",
                        p.previousParent() == null ? null : p.previousParent().code())
                .param(
                        "previousParentName",
                        p.previousParent() == null ? null : p.previousParent().name())
                .param(
                        "newParentId",
                        p.newParent() == null ? null : p.newParent().id())
                .param(
                        "newParentCode",
                        p.newParent() == null ? null : p.newParent().code())
                .param(
                        "newParentName",
                        p.newParent() == null ? null : p.newParent().name())
                .update();
    }

    /**
     * P-ORG-2: every organisation below {@code movedOrgId} that the change gave a new version (its
     * whole current subtree, now under {@code newPath}) gets the change in its own timeline. One
     * statement however large the subtree: a province-level transfer moves thousands.
     */
    public int descendantsMoved(long changeId, long movedOrgId, String newPath, OrgRef movedWith) {
        return jdbc.sql("""
                INSERT INTO org.change_participant (change_id, org_id, role, detail)
                SELECT :change, v.org_id, 'DESCENDANT_MOVED',
                       jsonb_build_object('code', v.code, 'name', v.name, 'movedWithId', CAST(:withId AS bigint),
                                          'movedWithCode', CAST(:withCode AS text),
                                          'movedWithName', CAST(:withName AS text))
                  FROM org.organisation_version v
                 WHERE v.opened_by = :change AND v.path <@ CAST(:newPath AS ltree) AND v.org_id <> :moved
                """)
                .param("change", changeId)
                .param("moved", movedOrgId)
                .param("newPath", newPath)
                .param("withId", movedWith.id())
                .param("withCode", movedWith.code())
                .param("withName", movedWith.name())
                .update();
    }

    /**
     * The changes an organisation took part in, newest first, each with its participants. Other
     * organisations' {@code DESCENDANT_MOVED} rows are left out: a transfer's own entry does not
     * list the thousands of organisations below it.
     */
    public List<OrgHistoryEntry> historyOf(long orgId, int limit) {
        record Row(
                long changeId,
                StructuralChangeKind kind,
                LocalDate effectiveOn,
                Decision decision,
                @Nullable String note,
                java.time.Instant recordedAt,
                @Nullable String recordedBy,
                ChangeRole role) {}
        List<Row> rows = jdbc.sql("""
                SELECT c.id, c.kind, c.effective_on, c.decision_number, c.decision_date, c.decision_issuer, c.note,
                       c.recorded_at, c.recorded_by_name, p.role
                  FROM org.change_participant p
                  JOIN org.structural_change c ON c.id = p.change_id
                 WHERE p.org_id = :org
                 ORDER BY c.effective_on DESC, c.id DESC, p.role
                 LIMIT :limit
                """)
                .param("org", orgId)
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        StructuralChangeKind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class),
                        new Decision(
                                rs.getString("decision_number"),
                                rs.getObject("decision_date", LocalDate.class),
                                rs.getString("decision_issuer")),
                        rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by_name"),
                        ChangeRole.valueOf(rs.getString("role"))))
                .list();
        Map<Long, Row> byChange = new LinkedHashMap<>();
        rows.forEach(r -> byChange.putIfAbsent(r.changeId(), r));
        if (byChange.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChangeParticipant>> participants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.change_id, p.org_id, p.role,
                       p.detail ->> 'code' AS code, p.detail ->> 'name' AS name,
                       p.detail ->> 'previousCode' AS previous_code, p.detail ->> 'previousName' AS previous_name,
                       (p.detail ->> 'previousParentId')::bigint AS previous_parent_id,
                       p.detail ->> 'previousParentCode' AS previous_parent_code,
                       p.detail ->> 'previousParentName' AS previous_parent_name,
                       (p.detail ->> 'newParentId')::bigint AS new_parent_id,
                       p.detail ->> 'newParentCode' AS new_parent_code,
                       p.detail ->> 'newParentName' AS new_parent_name,
                       (p.detail ->> 'movedWithId')::bigint AS moved_with_id,
                       p.detail ->> 'movedWithCode' AS moved_with_code,
                       p.detail ->> 'movedWithName' AS moved_with_name
                  FROM org.change_participant p
                 WHERE p.change_id = ANY(CAST(:changes AS bigint[]))
                   AND (p.role <> 'DESCENDANT_MOVED' OR p.org_id = :org)
                 ORDER BY p.change_id, p.role, p.detail ->> 'code', p.org_id
                """)
                .param("changes", ScopePaths.idArray(byChange.keySet()))
                .param("org", orgId)
                .query((rs, n) -> participants
                        .computeIfAbsent(rs.getLong("change_id"), k -> new ArrayList<>())
                        .add(participant(rs)))
                .list();
        return byChange.values().stream()
                .map(r -> new OrgHistoryEntry(
                        r.changeId(),
                        r.kind(),
                        r.effectiveOn(),
                        r.decision(),
                        r.note(),
                        r.recordedAt(),
                        r.recordedBy(),
                        r.role(),
                        participants.getOrDefault(r.changeId(), List.of())))
                .toList();
    }

    private static ChangeParticipant participant(ResultSet rs) throws SQLException {
        return new ChangeParticipant(
                rs.getLong("org_id"),
                ChangeRole.valueOf(rs.getString("role")),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("previous_code"),
                rs.getString("previous_name"),
                ref(rs, "previous_parent"),
                ref(rs, "new_parent"),
                ref(rs, "moved_with"));
    }

    private static @Nullable OrgRef ref(ResultSet rs, String prefix) throws SQLException {
        long id = rs.getLong(prefix + "_id");
        if (rs.wasNull()) {
            return null;
        }
        return new OrgRef(id, rs.getString(prefix + "_code"), rs.getString(prefix + "_name"));
    }
}
