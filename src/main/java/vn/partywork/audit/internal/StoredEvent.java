package vn.partywork.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One event with exactly the fields the chain hash covers, as read from {@code audit.pending} or
 * {@code audit.chain}. {@code occurredAtMicros} is microseconds since the epoch (PostgreSQL's
 * precision), {@code tx} the id of the transaction that wrote it.
 */
public record StoredEvent(
        long seq,
        long occurredAtMicros,
        long tx,
        @Nullable Long actorId,
        @Nullable String actorIdentifier,
        @Nullable Long actingOrgId,
        @Nullable Long grantId,
        @Nullable String clientAddress,
        @Nullable String requestId,
        String action,
        String targetType,
        @Nullable String targetId,
        String classification,
        @Nullable String basis,
        String changes,
        String details) {

    /** The columns to select, in this order, for {@link #read}; {@code seq} is given separately. */
    public static final String COLUMNS = """
            occurred_at, tx::text::bigint AS tx, actor_id, actor_identifier, acting_org_id, grant_id, client_address,
            request_id, action, target_type, target_id, classification, basis, changes, details""";

    public static StoredEvent read(ResultSet rs, long seq) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        long micros = Math.addExact(Math.multiplyExact(at.toEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return new StoredEvent(
                seq,
                micros,
                rs.getLong("tx"),
                nullableLong(rs, "actor_id"),
                rs.getString("actor_identifier"),
                nullableLong(rs, "acting_org_id"),
                nullableLong(rs, "grant_id"),
                rs.getString("client_address"),
                rs.getString("request_id"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("classification"),
                rs.getString("basis"),
                rs.getString("changes"),
                rs.getString("details"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
