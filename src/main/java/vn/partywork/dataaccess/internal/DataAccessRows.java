package vn.partywork.dataaccess.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.dataaccess.DataAccessForm;
import vn.partywork.dataaccess.DataOwner;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/** The register of data owners and the request forms (schema {@code dataaccess}). */
@Repository
public class DataAccessRows {

    /** One stored form with what was approved. */
    public record Row(
            long id,
            @Nullable Long approvalRequestId,
            long requesterAccount,
            String requesterIdentifier,
            String requesterName,
            String position,
            String unit,
            String phone,
            LocalDate requestedOn,
            Database database,
            String purpose,
            long scopeOrgId,
            String scopeDescription,
            Classification ceiling,
            DataAccessForm form,
            LocalDate periodFrom,
            LocalDate periodTo,
            Instant commitmentAccepted,
            @Nullable Long approvedOrgId,
            @Nullable Classification approvedCeiling,
            @Nullable LocalDate approvedFrom,
            @Nullable LocalDate approvedTo,
            @Nullable String approverOpinion,
            @Nullable Long grantId) {}

    private static final String SELECT = "SELECT * FROM dataaccess.request";

    private final JdbcClient jdbc;

    DataAccessRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataOwner> owners() {
        return jdbc.sql("""
                SELECT database, owner_org_id, owner_name, business_unit, data_steward, technical_contact
                  FROM dataaccess.database_owner ORDER BY array_position(ARRAY['ORGANISATION_MEMBER', 'CADRE',
                       'POLITICAL_PROTECTION', 'HEALTH', 'TRAINING', 'RESEARCH'], database)""")
                .query((rs, n) -> new DataOwner(
                        Database.valueOf(rs.getString("database")),
                        rs.getObject("owner_org_id", Long.class),
                        rs.getString("owner_name"),
                        rs.getString("business_unit"),
                        rs.getString("data_steward"),
                        rs.getString("technical_contact")))
                .list();
    }

    public long insert(Row r, Instant submittedAt) {
        return jdbc.sql("""
                INSERT INTO dataaccess.request (requester_account, requester_identifier, requester_name, position, unit,
                       phone, requested_on, database, purpose, scope_org_id, scope_description, ceiling, form,
                       period_from, period_to, commitment_accepted, submitted_at)
                VALUES (:account, :identifier, :name, :position, :unit, :phone, :on, :database, :purpose, :org,
                        :description, :ceiling, :form, :from, :to, :commitment, :submitted)
                RETURNING id""")
                .param("account", r.requesterAccount())
                .param("identifier", r.requesterIdentifier())
                .param("name", r.requesterName())
                .param("position", r.position())
                .param("unit", r.unit())
                .param("phone", r.phone())
                .param("on", r.requestedOn())
                .param("database", r.database().name())
                .param("purpose", r.purpose())
                .param("org", r.scopeOrgId())
                .param("description", r.scopeDescription())
                .param("ceiling", r.ceiling().name())
                .param("form", r.form().name())
                .param("from", r.periodFrom())
                .param("to", r.periodTo())
                .param("commitment", r.commitmentAccepted().atOffset(ZoneOffset.UTC))
                .param("submitted", submittedAt.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    public void linkApproval(long id, long approvalRequestId) {
        jdbc.sql("UPDATE dataaccess.request SET approval_request_id = :approval WHERE id = :id")
                .param("approval", approvalRequestId)
                .param("id", id)
                .update();
    }

    public void approved(
            long id, long orgId, Classification ceiling, LocalDate from, LocalDate to, @Nullable String opinion) {
        jdbc.sql("""
                UPDATE dataaccess.request SET approved_org_id = :org, approved_ceiling = :ceiling,
                       approved_from = :from, approved_to = :to, approver_opinion = :opinion
                 WHERE id = :id""")
                .param("org", orgId)
                .param("ceiling", ceiling.name())
                .param("from", from)
                .param("to", to)
                .param("opinion", opinion, Types.VARCHAR)
                .param("id", id)
                .update();
    }

    public void granted(long id, long grantId) {
        jdbc.sql("UPDATE dataaccess.request SET grant_id = :grant WHERE id = :id")
                .param("grant", grantId)
                .param("id", id)
                .update();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(DataAccessRows::row)
                .optional();
    }

    public List<Row> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY id DESC")
                .param("ids", ids)
                .query(DataAccessRows::row)
                .list();
    }

    public List<Row> byRequester(long accountId, int limit) {
        return jdbc.sql(SELECT + " WHERE requester_account = :account ORDER BY id DESC LIMIT :limit")
                .param("account", accountId)
                .param("limit", limit)
                .query(DataAccessRows::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String approvedCeiling = rs.getString("approved_ceiling");
        return new Row(
                rs.getLong("id"),
                rs.getObject("approval_request_id", Long.class),
                rs.getLong("requester_account"),
                rs.getString("requester_identifier"),
                rs.getString("requester_name"),
                rs.getString("position"),
                rs.getString("unit"),
                rs.getString("phone"),
                rs.getObject("requested_on", LocalDate.class),
                Database.valueOf(rs.getString("database")),
                rs.getString("purpose"),
                rs.getLong("scope_org_id"),
                rs.getString("scope_description"),
                Classification.valueOf(rs.getString("ceiling")),
                DataAccessForm.valueOf(rs.getString("form")),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getObject("commitment_accepted", OffsetDateTime.class).toInstant(),
                rs.getObject("approved_org_id", Long.class),
                approvedCeiling == null ? null : Classification.valueOf(approvedCeiling),
                rs.getObject("approved_from", LocalDate.class),
                rs.getObject("approved_to", LocalDate.class),
                rs.getString("approver_opinion"),
                rs.getObject("grant_id", Long.class));
    }
}
