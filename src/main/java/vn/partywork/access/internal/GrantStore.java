package vn.partywork.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.access.Role;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/** The grants table. */
@Repository
public class GrantStore {

    private static final String SELECT = """
            SELECT id, account_id, role, org_id, databases, ceiling, valid_from, valid_to, document_number, note,
                   granted_by, granted_at, revoked_by, revoked_at, version, aggregate_only, review_reason, review_since
              FROM access.account_grant
            """;

    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long accountId,
            Role role,
            long orgId,
            Set<Database> databases,
            Classification ceiling,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String documentNumber,
            @Nullable String note,
            @Nullable Long grantedBy,
            Instant now,
            boolean aggregateOnly) {
        return jdbc.sql("""
                INSERT INTO access.account_grant (account_id, role, org_id, databases, ceiling, valid_from, valid_to,
                                                  document_number, note, granted_by, granted_at, aggregate_only)
                VALUES (:account, :role, :org, :databases, :ceiling, :from, :to, :document, :note, :by, :now,
                        :aggregateOnly)
                RETURNING id
                """)
                .param("account", accountId)
                .param("role", role.name())
                .param("org", orgId)
                .param("databases", databases.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("ceiling", ceiling.name())
                .param("from", validFrom)
                .param("to", validTo)
                .param("document", documentNumber)
                .param("note", note)
                .param("by", grantedBy)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("aggregateOnly", aggregateOnly)
                .query(Long.class)
                .single();
    }

    /**
     * P-ID-5: grants in force on organisations of the subtree that end between {@code from} and
     * {@code until} (inclusive), soonest first.
     */
    public List<GrantRecord> endingWithin(String subtree, LocalDate from, LocalDate until, int limit) {
        return jdbc.sql("""
                SELECT g.id, g.account_id, g.role, g.org_id, g.databases, g.ceiling, g.valid_from, g.valid_to,
                       g.document_number, g.note, g.granted_by, g.granted_at, g.revoked_by, g.revoked_at, g.version,
                       g.aggregate_only, g.review_reason, g.review_since
                  FROM access.account_grant g
                  JOIN org.current_organisation o ON o.org_id = g.org_id
                 WHERE o.path <@ CAST(:subtree AS ltree)
                   AND g.revoked_at IS NULL
                   AND g.valid_to BETWEEN :from AND :until
                 ORDER BY g.valid_to, g.id
                 LIMIT :limit
                """)
                .param("subtree", subtree)
                .param("from", from)
                .param("until", until)
                .param("limit", limit)
                .query(GrantStore::row)
                .list();
    }

    public Optional<GrantRecord> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(GrantStore::row)
                .optional();
    }

    /** P-AZ-1: grants of the accounts that apply on {@code day}: not revoked, {@code day} within [from, to]. */
    public List<GrantRecord> activeOn(Collection<Long> accountIds, LocalDate day) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE account_id = ANY(:accounts) AND revoked_at IS NULL
                   AND valid_from <= :day AND (valid_to IS NULL OR valid_to >= :day)
                 ORDER BY id
                """)
                .param("accounts", accountIds.toArray(Long[]::new))
                .param("day", day)
                .query(GrantStore::row)
                .list();
    }

    /**
     * Grants active on {@code day} on any of the organisations that include the database (the
     * candidates for "who holds a right at this organisation or above it").
     */
    public List<GrantRecord> activeOnOrganisations(Collection<Long> orgIds, Database database, LocalDate day) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE org_id = ANY(:orgs) AND :database = ANY(databases) AND revoked_at IS NULL
                   AND valid_from <= :day AND (valid_to IS NULL OR valid_to >= :day)
                 ORDER BY id
                """)
                .param("orgs", orgIds.toArray(Long[]::new))
                .param("database", database.name())
                .param("day", day)
                .query(GrantStore::row)
                .list();
    }

    /** Every grant (including past ones) of the accounts, newest first; {@code null} means all accounts. */
    public List<GrantRecord> of(@Nullable Collection<Long> accountIds, int limit) {
        if (accountIds == null) {
            return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT :limit")
                    .param("limit", limit)
                    .query(GrantStore::row)
                    .list();
        }
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE account_id = ANY(:accounts) ORDER BY id DESC LIMIT :limit")
                .param("accounts", accountIds.toArray(Long[]::new))
                .param("limit", limit)
                .query(GrantStore::row)
                .list();
    }

    /**
     * P-ID-5: the grants in force on {@code day} of an account (not yet ended) are marked for review
     * with the reason; returns their ids.
     */
    public List<Long> flagForReview(long accountId, String reason, LocalDate day, Instant now) {
        return jdbc.sql("""
                UPDATE access.account_grant
                   SET review_reason = :reason, review_since = :now, version = version + 1
                 WHERE account_id = :account AND revoked_at IS NULL AND (valid_to IS NULL OR valid_to >= :day)
                RETURNING id
                """)
                .param("account", accountId)
                .param("reason", reason)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("day", day)
                .query(Long.class)
                .list();
    }

    /** P-ID-5: the grant's review is done (kept as it is). */
    public void clearReview(long id, int version) {
        int updated = jdbc.sql("""
                UPDATE access.account_grant SET review_reason = NULL, review_since = NULL, version = version + 1
                 WHERE id = :id AND version = :version AND review_since IS NOT NULL
                """).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw DomainException.conflict("request.staleVersion");
        }
    }

    /** P-ID-5: grants not revoked on organisations of the subtree that wait for review, oldest flag first. */
    public List<GrantRecord> awaitingReview(String subtree, int limit) {
        return jdbc.sql("""
                SELECT g.id, g.account_id, g.role, g.org_id, g.databases, g.ceiling, g.valid_from, g.valid_to,
                       g.document_number, g.note, g.granted_by, g.granted_at, g.revoked_by, g.revoked_at, g.version,
                       g.aggregate_only, g.review_reason, g.review_since
                  FROM access.account_grant g
                  JOIN org.current_organisation o ON o.org_id = g.org_id
                 WHERE o.path <@ CAST(:subtree AS ltree)
                   AND g.revoked_at IS NULL
                   AND g.review_since IS NOT NULL
                 ORDER BY g.review_since, g.id
                 LIMIT :limit
                """)
                .param("subtree", subtree)
                .param("limit", limit)
                .query(GrantStore::row)
                .list();
    }

    public void revoke(long id, int version, long revokedBy, Instant now) {
        int updated = jdbc.sql("""
                UPDATE access.account_grant SET revoked_by = :by, revoked_at = :now, version = version + 1,
                       review_reason = NULL, review_since = NULL
                 WHERE id = :id AND version = :version AND revoked_at IS NULL
                """)
                .param("id", id)
                .param("version", version)
                .param("by", revokedBy)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        if (updated == 0) {
            throw DomainException.conflict("request.staleVersion");
        }
    }

    static GrantRecord row(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("databases");
        Set<Database> databases = EnumSet.noneOf(Database.class);
        Arrays.stream((String[]) array.getArray()).map(Database::valueOf).forEach(databases::add);
        return new GrantRecord(
                rs.getLong("id"),
                rs.getLong("account_id"),
                Role.valueOf(rs.getString("role")),
                rs.getLong("org_id"),
                databases,
                Classification.valueOf(rs.getString("ceiling")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("document_number"),
                rs.getString("note"),
                nullableLong(rs, "granted_by"),
                instant(rs, "granted_at"),
                nullableLong(rs, "revoked_by"),
                instant(rs, "revoked_at"),
                rs.getInt("version"),
                rs.getBoolean("aggregate_only"),
                rs.getString("review_reason"),
                instant(rs, "review_since"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
