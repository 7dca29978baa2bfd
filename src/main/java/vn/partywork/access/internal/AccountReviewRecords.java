package vn.partywork.access.internal;

import static java.time.ZoneOffset.UTC;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** P-ID-5: the periodic review records ({@code access.account_review}). */
@Repository
public class AccountReviewRecords {

    public record Row(
            long id,
            long orgId,
            String reviewedBy,
            Instant reviewedAt,
            int accounts,
            int dormant,
            int grantsNearExpiry,
            @Nullable String note) {}

    private final JdbcClient jdbc;

    AccountReviewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long orgId,
            long reviewedBy,
            String reviewedByIdentifier,
            Instant now,
            long accounts,
            long dormant,
            long grantsNearExpiry,
            @Nullable String note) {
        return jdbc.sql("""
                INSERT INTO access.account_review (org_id, reviewed_by, reviewed_by_identifier, reviewed_at,
                                                   accounts, dormant, grants_near_expiry, note)
                VALUES (:org, :by, :byIdentifier, :now, :accounts, :dormant, :expiring, :note)
                RETURNING id
                """)
                .param("org", orgId)
                .param("by", reviewedBy)
                .param("byIdentifier", reviewedByIdentifier)
                .param("now", now.atOffset(UTC))
                .param("accounts", (int) Math.min(accounts, Integer.MAX_VALUE))
                .param("dormant", (int) Math.min(dormant, Integer.MAX_VALUE))
                .param("expiring", (int) Math.min(grantsNearExpiry, Integer.MAX_VALUE))
                .param("note", note)
                .query(Long.class)
                .single();
    }

    /** The latest reviews of one organisation, newest first. */
    public List<Row> of(long orgId, int limit) {
        return jdbc.sql("""
                SELECT id, org_id, reviewed_by_identifier, reviewed_at, accounts, dormant, grants_near_expiry, note
                  FROM access.account_review
                 WHERE org_id = :org
                 ORDER BY reviewed_at DESC, id DESC
                 LIMIT :limit
                """)
                .param("org", orgId)
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("org_id"),
                        rs.getString("reviewed_by_identifier"),
                        rs.getObject("reviewed_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("accounts"),
                        rs.getInt("dormant"),
                        rs.getInt("grants_near_expiry"),
                        rs.getString("note")))
                .list();
    }
}
