package vn.partywork.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.identity.AccountStatus;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.IssuanceKind;
import vn.partywork.identity.IssuanceRecord;
import vn.partywork.shared.DomainException;

/** The accounts table and its issuance history. Updates of editable state check {@code version}. */
@Repository
public class AccountStore {

    private static final String SELECT = """
            SELECT id, identifier, display_name, type, home_org_id, manager_id, status, password_hash,
                   must_change_password, password_changed_at, failed_logins, first_failed_at, locked_until,
                   locked_by_admin, created_at, created_by, version
              FROM identity.account
            """;

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountRecord> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(AccountStore::row)
                .optional();
    }

    /**
     * The account of an API token that is neither revoked nor expired at {@code now}: one statement
     * per API call instead of the token's account id and then the account.
     */
    Optional<AccountRecord> byApiToken(byte[] tokenHash, Instant now) {
        return jdbc.sql(SELECT + """
                 WHERE id = (SELECT account_id FROM identity.api_token
                              WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now)
                """)
                .param("hash", tokenHash)
                .param("now", ts(now))
                .query(AccountStore::row)
                .optional();
    }

    public Optional<AccountRecord> byIdentifier(String identifier) {
        return jdbc.sql(SELECT + " WHERE identifier = :identifier")
                .param("identifier", identifier)
                .query(AccountStore::row)
                .optional();
    }

    public boolean identifierTaken(String identifier) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE identifier = :identifier)")
                .param("identifier", identifier)
                .query(Boolean.class)
                .single();
    }

    public long insert(
            String identifier,
            String displayName,
            AccountType type,
            @Nullable Long homeOrgId,
            @Nullable Long managerId,
            String passwordHash,
            boolean mustChangePassword,
            Instant now,
            @Nullable Long createdBy) {
        return jdbc.sql("""
                INSERT INTO identity.account (identifier, display_name, type, home_org_id, manager_id, password_hash,
                                              must_change_password, password_changed_at, created_at, created_by)
                VALUES (:identifier, :displayName, :type, :homeOrgId, :managerId, :hash,
                        :mustChange, :changedAt, :now, :createdBy)
                RETURNING id
                """)
                .param("identifier", identifier)
                .param("displayName", displayName)
                .param("type", type.name())
                .param("homeOrgId", homeOrgId)
                .param("managerId", managerId)
                .param("hash", passwordHash)
                .param("mustChange", mustChangePassword)
                .param("changedAt", mustChangePassword ? null : ts(now))
                .param("now", ts(now))
                .param("createdBy", createdBy)
                .query(Long.class)
                .single();
    }

    /**
     * A failed login, counted atomically: failures since {@code windowStart} add up, an older first
     * failure starts a new count. Returns the count including this failure.
     */
    public int countFailure(long id, Instant now, Instant windowStart) {
        return jdbc.sql("""
                UPDATE identity.account
                   SET failed_logins = CASE WHEN first_failed_at >= :windowStart THEN failed_logins + 1 ELSE 1 END,
                       first_failed_at = CASE WHEN first_failed_at >= :windowStart THEN first_failed_at ELSE :now END
                 WHERE id = :id
                RETURNING failed_logins
                """)
                .param("id", id)
                .param("now", ts(now))
                .param("windowStart", ts(windowStart))
                .query(Integer.class)
                .single();
    }

    /** Locks the account until the given time after too many failures; the count starts again afterwards. */
    public void lockOut(long id, Instant until) {
        jdbc.sql("""
                UPDATE identity.account SET failed_logins = 0, first_failed_at = NULL, locked_until = :until
                 WHERE id = :id
                """).param("id", id).param("until", ts(until)).update();
    }

    /** Replaces a hash by a stronger one for the same password; not a password change. */
    public void upgradeHash(long id, String oldHash, String newHash) {
        jdbc.sql("UPDATE identity.account SET password_hash = :new WHERE id = :id AND password_hash = :old")
                .param("id", id)
                .param("old", oldHash)
                .param("new", newHash)
                .update();
    }

    public void clearFailures(long id) {
        jdbc.sql("""
                UPDATE identity.account SET failed_logins = 0, first_failed_at = NULL, locked_until = NULL
                 WHERE id = :id AND (failed_logins <> 0 OR locked_until IS NOT NULL)
                """).param("id", id).update();
    }

    /** Changes the password hash (a self-service change when {@code mustChange} is false, otherwise a reset). */
    public void setPassword(long id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                UPDATE identity.account
                   SET password_hash = :hash, must_change_password = :mustChange, password_changed_at = :now,
                       failed_logins = 0, first_failed_at = NULL, locked_until = NULL, version = version + 1
                 WHERE id = :id
                """)
                .param("id", id)
                .param("hash", hash)
                .param("mustChange", mustChange)
                .param("now", ts(now))
                .update();
    }

    public void setPasswordChecked(long id, int version, String hash, Instant now) {
        versioned(jdbc.sql("""
                UPDATE identity.account
                   SET password_hash = :hash, must_change_password = true, password_changed_at = :now,
                       failed_logins = 0, first_failed_at = NULL, locked_until = NULL, locked_by_admin = false,
                       version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("hash", hash)
                .param("now", ts(now))
                .update());
    }

    /** P-ID-5: the holder's position (chức vụ), if recorded. */
    public @Nullable String position(long id) {
        return jdbc.sql("SELECT position FROM identity.account WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** P-ID-5: a new position and unit of the holder. */
    public void setPosition(long id, int version, @Nullable String position, long homeOrgId) {
        versioned(jdbc.sql("""
                UPDATE identity.account SET position = :position, home_org_id = :org, version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("position", position)
                .param("org", homeOrgId)
                .update());
    }

    public void setDisplayName(long id, int version, String displayName) {
        versioned(jdbc.sql("""
                UPDATE identity.account SET display_name = :name, version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("name", displayName)
                .update());
    }

    /**
     * An administrator's change of status; it clears a system-given reason, and a reactivation
     * starts the dormancy count again (P-ID-5).
     */
    public void setStatus(long id, int version, AccountStatus status, Instant now) {
        versioned(jdbc.sql("""
                UPDATE identity.account
                   SET status = :status, status_reason = NULL, status_changed_at = :now, version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("status", status.name())
                .param("now", ts(now))
                .update());
    }

    /** P-ID-5: the time of the last completed sign-in. */
    public void recordLogin(long id, Instant now) {
        jdbc.sql("UPDATE identity.account SET last_login_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", ts(now))
                .update();
    }

    public void setAdminLock(long id, int version, boolean locked) {
        versioned(jdbc.sql("""
                UPDATE identity.account
                   SET locked_by_admin = :locked, locked_until = NULL, failed_logins = 0, first_failed_at = NULL,
                       version = version + 1
                 WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("locked", locked)
                .update());
    }

    /**
     * A page of accounts; {@code subtree} (an ltree path) keeps those whose home organisation
     * currently lies inside it, null means every account.
     */
    public List<AccountRecord> search(
            @Nullable String text,
            @Nullable AccountType type,
            @Nullable AccountStatus status,
            @Nullable String subtree,
            int offset,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(text, type, status, subtree, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + where + " ORDER BY identifier LIMIT :limit OFFSET :offset")
                .params(params)
                .query(AccountStore::row)
                .list();
    }

    public long count(
            @Nullable String text,
            @Nullable AccountType type,
            @Nullable AccountStatus status,
            @Nullable String subtree) {
        Map<String, Object> params = new HashMap<>();
        String where = where(text, type, status, subtree, params);
        return jdbc.sql("SELECT count(*) FROM identity.account" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(
            @Nullable String text,
            @Nullable AccountType type,
            @Nullable AccountStatus status,
            @Nullable String subtree,
            Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        if (text != null && !text.isBlank()) {
            // LIKE wildcards typed by the user are matched literally (identifiers often contain "_").
            sql.append(" AND search_name LIKE '%' || replace(replace(replace(public.search_key(:text),"
                    + " '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'");
            params.put("text", text.strip());
        }
        if (type != null) {
            sql.append(" AND type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (subtree != null) {
            // P-ID-2: an organisation administrator manages the accounts homed in its subtree. The
            // subtree is matched in SQL through the view org publishes for other modules rather
            // than by asking org for the subtree's ids (an OrgDirectory.subtreeIds): a province
            // has ~11,000 organisations and the centre ~355,000, which would travel to Java and
            // back as an array for every page. Here PostgreSQL chooses: for a small subtree the
            // gist index on path finds its organisations and account_home_org their accounts, for
            // a large one a hash semi-join; either way only one page of accounts leaves the database.
            sql.append(" AND EXISTS (SELECT 1 FROM org.current_organisation o"
                    + " WHERE o.org_id = account.home_org_id AND o.path <@ CAST(:subtree AS ltree))");
            params.put("subtree", subtree);
        }
        return sql.toString();
    }

    /** Active USER accounts managed by a user-manager (P-ID-2). */
    public List<Long> activeManagedUsers(long managerId) {
        return jdbc.sql("""
                SELECT id FROM identity.account WHERE manager_id = :manager AND status = 'ACTIVE' ORDER BY id
                """).param("manager", managerId).query(Long.class).list();
    }

    /** Moves every account homed at {@code fromOrg} (any status) to {@code toOrg}; their ids and identifiers. */
    public List<java.util.Map.Entry<Long, String>> moveHome(long fromOrg, long toOrg) {
        return jdbc.sql("""
                UPDATE identity.account SET home_org_id = :to, version = version + 1
                 WHERE home_org_id = :from
                RETURNING id, identifier""")
                .param("from", fromOrg)
                .param("to", toOrg)
                .query((rs, n) -> java.util.Map.entry(rs.getLong("id"), rs.getString("identifier")))
                .list();
    }

    public long countActiveWithHomeOrg(long orgId) {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE home_org_id = :org AND status = 'ACTIVE'")
                .param("org", orgId)
                .query(Long.class)
                .single();
    }

    public void addIssuance(
            long accountId,
            IssuanceKind kind,
            @Nullable Long performedBy,
            @Nullable String performedByIdentifier,
            @Nullable String issuedTo,
            @Nullable String documentNumber,
            Instant now) {
        jdbc.sql("""
                INSERT INTO identity.issuance (account_id, kind, performed_by, performed_by_identifier, issued_to,
                                               document_number, occurred_at)
                VALUES (:account, :kind, :by, :byIdentifier, :issuedTo, :document, :now)
                """)
                .param("account", accountId)
                .param("kind", kind.name())
                .param("by", performedBy)
                .param("byIdentifier", performedByIdentifier)
                .param("issuedTo", issuedTo)
                .param("document", documentNumber)
                .param("now", ts(now))
                .update();
    }

    public List<IssuanceRecord> issuances(long accountId) {
        return jdbc.sql("""
                SELECT kind, performed_by_identifier, issued_to, document_number, occurred_at
                  FROM identity.issuance WHERE account_id = :account ORDER BY occurred_at DESC, id DESC
                """)
                .param("account", accountId)
                .query((rs, n) -> new IssuanceRecord(
                        IssuanceKind.valueOf(rs.getString("kind")),
                        rs.getString("performed_by_identifier"),
                        rs.getString("issued_to"),
                        rs.getString("document_number"),
                        instant(rs, "occurred_at")))
                .list();
    }

    private static void versioned(int updated) {
        if (updated == 0) {
            throw DomainException.conflict("request.staleVersion");
        }
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static AccountRecord row(ResultSet rs, int n) throws SQLException {
        return new AccountRecord(
                rs.getLong("id"),
                rs.getString("identifier"),
                rs.getString("display_name"),
                AccountType.valueOf(rs.getString("type")),
                nullableLong(rs, "home_org_id"),
                nullableLong(rs, "manager_id"),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getString("password_hash"),
                rs.getBoolean("must_change_password"),
                instant(rs, "password_changed_at"),
                rs.getInt("failed_logins"),
                instant(rs, "first_failed_at"),
                instant(rs, "locked_until"),
                rs.getBoolean("locked_by_admin"),
                instant(rs, "created_at"),
                nullableLong(rs, "created_by"),
                rs.getInt("version"));
    }
}
