package vn.partywork.approval.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reason and record of each correction request (schema {@code approval}, table {@code correction}). */
@Repository
public class CorrectionStore {

    /** One correction request's own data. */
    public record Correction(long requestId, String recordType, String recordId, String reason) {}

    private final JdbcClient jdbc;

    CorrectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long requestId, String recordType, String recordId, String reason) {
        jdbc.sql("""
                INSERT INTO approval.correction (request_id, record_type, record_id, reason)
                VALUES (:id, :type, :record, :reason)""")
                .param("id", requestId)
                .param("type", recordType)
                .param("record", recordId)
                .param("reason", reason)
                .update();
    }

    public Optional<Correction> byRequest(long requestId) {
        return jdbc.sql(
                        "SELECT request_id, record_type, record_id, reason FROM approval.correction WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> new Correction(
                        rs.getLong("request_id"),
                        rs.getString("record_type"),
                        rs.getString("record_id"),
                        rs.getString("reason")))
                .optional();
    }

    /** The login of whoever approved the request's last step (the trail's last APPROVE). */
    public Optional<String> lastApprover(long requestId) {
        return jdbc.sql("""
                SELECT actor FROM approval.request_action
                 WHERE request_id = :id AND action = 'APPROVE' ORDER BY id DESC LIMIT 1""").param("id", requestId).query(String.class).optional();
    }
}
