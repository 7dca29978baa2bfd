package vn.partywork.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.access.ShareLevel;

/** The rows of {@code access.record_share} (P-AZ-2); the rules are in {@code RecordShares}. */
@Repository
public class ShareStore {

    /** One share as stored. */
    public record Row(
            long id,
            String recordKind,
            String recordId,
            long granteeAccount,
            ShareLevel level,
            LocalDate expiresOn,
            long sharedBy,
            Instant sharedAt,
            @Nullable Long revokedBy,
            @Nullable Instant revokedAt) {}

    private static final String SELECT = """
            SELECT id, record_kind, record_id, grantee_account, level, expires_on, shared_by, shared_at,
                   revoked_by, revoked_at
              FROM access.record_share
            """;

    private final JdbcClient jdbc;

    ShareStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String kind, String recordId, long grantee, ShareLevel level, LocalDate expiresOn, long by, Instant at) {
        return jdbc.sql("""
                INSERT INTO access.record_share (record_kind, record_id, grantee_account, level, expires_on,
                                                 shared_by, shared_at)
                VALUES (:kind, :recordId, :grantee, :level, :expiresOn, :by, :at)
                RETURNING id""")
                .param("kind", kind)
                .param("recordId", recordId)
                .param("grantee", grantee)
                .param("level", level.name())
                .param("expiresOn", expiresOn)
                .param("by", by)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(ShareStore::row)
                .optional();
    }

    /** The shares of a record in force on {@code day}, oldest first. */
    public List<Row> activeOn(String kind, String recordId, LocalDate day) {
        return jdbc.sql(SELECT + """
                 WHERE record_kind = :kind AND record_id = :recordId AND revoked_at IS NULL AND expires_on >= :day
                 ORDER BY id LIMIT 500""")
                .param("kind", kind)
                .param("recordId", recordId)
                .param("day", day)
                .query(ShareStore::row)
                .list();
    }

    /** The share in force of one grantee on one record, if any (at most one is kept in force). */
    public Optional<Row> activeFor(String kind, String recordId, long grantee, LocalDate day) {
        return jdbc.sql(SELECT + """
                 WHERE record_kind = :kind AND record_id = :recordId AND grantee_account = :grantee
                   AND revoked_at IS NULL AND expires_on >= :day
                 ORDER BY id DESC LIMIT 1""")
                .param("kind", kind)
                .param("recordId", recordId)
                .param("grantee", grantee)
                .param("day", day)
                .query(ShareStore::row)
                .optional();
    }

    /** The shares in force that an account received, newest first. */
    public List<Row> receivedBy(long grantee, LocalDate day, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE grantee_account = :grantee AND revoked_at IS NULL AND expires_on >= :day
                 ORDER BY shared_at DESC, id DESC LIMIT :limit""")
                .param("grantee", grantee)
                .param("day", day)
                .param("limit", limit)
                .query(ShareStore::row)
                .list();
    }

    /** Ends a share; false when it had already been revoked (a concurrent revocation). */
    public boolean revoke(long id, long by, Instant at) {
        return jdbc.sql("""
                UPDATE access.record_share SET revoked_by = :by, revoked_at = :at
                 WHERE id = :id AND revoked_at IS NULL""")
                        .param("id", id)
                        .param("by", by)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Row(
                rs.getLong("id"),
                rs.getString("record_kind"),
                rs.getString("record_id"),
                rs.getLong("grantee_account"),
                ShareLevel.valueOf(rs.getString("level")),
                rs.getObject("expires_on", LocalDate.class),
                rs.getLong("shared_by"),
                rs.getObject("shared_at", OffsetDateTime.class).toInstant(),
                rs.getObject("revoked_by", Long.class),
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
