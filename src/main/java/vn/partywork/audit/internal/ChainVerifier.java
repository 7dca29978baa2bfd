package vn.partywork.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import vn.partywork.audit.AuditVerification;

/**
 * Recomputes the chain from the database with plain JDBC (no Spring), so the same code serves
 * {@code GET /api/v1/audit/verify} and the offline {@code audit-verify} command. Checks, in
 * sequence order: seq runs 1, 2, 3… without gaps or repeats; every stored hash equals the
 * recomputed one; at each signed checkpoint the chain has the signed hash; and no checkpoint is
 * beyond the end of the log (a truncated tail). Checkpoints must already be signature-checked.
 */
public final class ChainVerifier {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ChainVerifier() {}

    public static AuditVerification verify(Connection connection, String schema, List<SignedCheckpoint> checkpoints)
            throws SQLException {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("bad schema name " + schema);
        }
        String origin = logId(connection, schema);
        List<SignedCheckpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(SignedCheckpoint::seq));
        for (SignedCheckpoint checkpoint : sorted) {
            if (!checkpoint.origin().endsWith("/" + origin)) {
                return AuditVerification.broken(
                        0,
                        Math.max(1, checkpoint.seq()),
                        "checkpoint of another log (" + checkpoint.origin() + "); this log is " + origin);
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, hash, " + StoredEvent.COLUMNS + " FROM " + schema + ".chain ORDER BY seq, hash")) {
            statement.setFetchSize(10_000);
            EventCodec codec = new EventCodec();
            byte[] previous = EventCodec.genesis();
            long expected = 1;
            int next = 0;
            long lastGoodCheckpoint = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    long checked = expected - 1;
                    if (seq > expected) {
                        return AuditVerification.broken(
                                checked,
                                expected,
                                "event " + expected + " is missing (the next stored event is " + seq + ")");
                    }
                    if (seq < expected) {
                        return AuditVerification.broken(checked, seq, "event " + seq + " occurs more than once");
                    }
                    byte[] hash = codec.hash(previous, StoredEvent.read(rs, seq));
                    if (!Arrays.equals(hash, rs.getBytes("hash"))) {
                        return AuditVerification.broken(
                                checked,
                                seq,
                                "event " + seq
                                        + " does not match its hash: it, or its place in the chain, was changed");
                    }
                    while (next < sorted.size() && sorted.get(next).seq() == seq) {
                        SignedCheckpoint checkpoint = sorted.get(next++);
                        if (!Arrays.equals(hash, checkpoint.hash())) {
                            return AuditVerification.broken(
                                    lastGoodCheckpoint,
                                    lastGoodCheckpoint + 1,
                                    "the chain up to " + seq + " differs from the checkpoint signed at "
                                            + checkpoint.time() + ": an event after " + lastGoodCheckpoint
                                            + " was changed and the chain recomputed");
                        }
                        lastGoodCheckpoint = seq;
                    }
                    previous = hash;
                    expected++;
                }
            }
            long last = expected - 1;
            if (next < sorted.size()) {
                SignedCheckpoint beyond = sorted.get(sorted.size() - 1);
                return AuditVerification.broken(
                        last,
                        last + 1,
                        "the log ends at " + last + " but the checkpoint signed at " + beyond.time() + " covers "
                                + beyond.seq() + " events: events were removed");
            }
            AuditVerification backlog = backlog(connection, schema, last);
            return backlog != null ? backlog : AuditVerification.intact(last);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * P-AU-1: events whose transaction has ended but that have waited longer than
     * {@link #MAX_SEAL_DELAY_SECONDS} to be chained mean that the sealer is stuck: nothing after
     * them is protected, so the log is not intact. {@code null} when there is no such backlog (or
     * no pending table in the schema, as in a copy of the chain).
     */
    private static AuditVerification backlog(Connection connection, String schema, long last) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, schema + ".pending");
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return null;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*),"
                + " coalesce(extract(epoch FROM now() - min(occurred_at))::bigint, 0) FROM " + schema
                + ".pending WHERE tx < pg_snapshot_xmin(pg_current_snapshot()) AND occurred_at < now() - make_interval("
                + "secs => ?)")) {
            statement.setLong(1, MAX_SEAL_DELAY_SECONDS);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long waiting = rs.getLong(1);
                if (waiting == 0) {
                    return null;
                }
                return AuditVerification.broken(
                        last,
                        last + 1,
                        waiting + " committed events are not being chained: the oldest has waited " + rs.getLong(2)
                                + " s (the sealer is failing; nothing after event " + last + " is protected)");
            }
        }
    }

    /** Longer than this, a committed event still unchained is a failure of the sealer. */
    static final long MAX_SEAL_DELAY_SECONDS = 60;

    /** The log's id from {@code <schema>.instance}: checkpoints of other logs never count. */
    static String logId(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT log_id::text FROM " + schema + ".instance");
                ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                return rs.getString(1);
            }
        }
        throw new SQLException(schema + ".instance holds no log id");
    }
}
