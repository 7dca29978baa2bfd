package vn.partywork.identity.internal;

import static vn.partywork.identity.internal.AccountStore.instant;
import static vn.partywork.identity.internal.AccountStore.ts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * P-ID-5: the queries of the account review and of the daily dormancy check. An account is
 * dormant when it is active and its last sign-in, its (re)activation and its creation all lie
 * before the cut-off. System administrators are never suspended automatically: with the last of
 * them suspended nobody could reactivate anyone.
 */
@Repository
public class AccountReviewStore {

    /** The start of an account's current quiet period. */
    private static final String ACTIVITY = "greatest(a.last_login_at, a.status_changed_at, a.created_at)";

    public record Row(
            AccountRecord account,
            @Nullable String orgName,
            @Nullable Instant lastLoginAt,
            boolean dormant,
            boolean suspendedForDormancy) {}

    private final JdbcClient jdbc;

    AccountReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accounts homed in the subtree, dormant ones first, then the longest without a sign-in. */
    public List<Row> accounts(String subtree, Instant cutoff, int offset, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.identifier, a.display_name, a.type, a.home_org_id, a.manager_id, a.status,
                       a.password_hash, a.must_change_password, a.password_changed_at, a.failed_logins,
                       a.first_failed_at, a.locked_until, a.locked_by_admin, a.created_at, a.created_by, a.version,
                       a.last_login_at, a.status_reason, o.name AS org_name,
                       (a.status = 'ACTIVE' AND a.type <> 'SYSTEM_ADMIN' AND %s < :cutoff) AS dormant
                  FROM identity.account a
                  JOIN org.current_organisation o ON o.org_id = a.home_org_id
                 WHERE o.path <@ CAST(:subtree AS ltree)
                 ORDER BY dormant DESC, a.status, a.last_login_at ASC NULLS FIRST, a.identifier
                 LIMIT :limit OFFSET :offset
                """.formatted(ACTIVITY))
                .param("subtree", subtree)
                .param("cutoff", ts(cutoff))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Row(
                        AccountStore.row(rs, n),
                        rs.getString("org_name"),
                        instant(rs, "last_login_at"),
                        rs.getBoolean("dormant"),
                        "DORMANT".equals(rs.getString("status_reason"))))
                .list();
    }

    public long count(String subtree) {
        return jdbc.sql("""
                SELECT count(*) FROM identity.account a
                  JOIN org.current_organisation o ON o.org_id = a.home_org_id
                 WHERE o.path <@ CAST(:subtree AS ltree)
                """).param("subtree", subtree).query(Long.class).single();
    }

    public long countDormant(String subtree, Instant cutoff) {
        return jdbc.sql("""
                SELECT count(*) FROM identity.account a
                  JOIN org.current_organisation o ON o.org_id = a.home_org_id
                 WHERE o.path <@ CAST(:subtree AS ltree)
                   AND a.status = 'ACTIVE' AND a.type <> 'SYSTEM_ADMIN' AND %s < :cutoff
                """.formatted(ACTIVITY))
                .param("subtree", subtree)
                .param("cutoff", ts(cutoff))
                .query(Long.class)
                .single();
    }

    /** Only one node runs the daily check at a time; the lock ends with the transaction. */
    public boolean lockDormancyCheck() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('identity.dormancy-check'))")
                .query(Boolean.class)
                .single();
    }

    public record Dormant(
            long id, String identifier, @Nullable Instant lastLoginAt) {}

    public List<Dormant> dormant(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.identifier, a.last_login_at FROM identity.account a
                 WHERE a.status = 'ACTIVE' AND a.type <> 'SYSTEM_ADMIN' AND %s < :cutoff
                 ORDER BY a.id LIMIT :limit
                """.formatted(ACTIVITY))
                .param("cutoff", ts(cutoff))
                .param("limit", limit)
                .query((rs, n) ->
                        new Dormant(rs.getLong("id"), rs.getString("identifier"), instant(rs, "last_login_at")))
                .list();
    }

    /** Deactivates a dormant account with the reason DORMANT; false when it is no longer dormant. */
    public boolean suspend(long id, Instant cutoff, Instant now) {
        return jdbc.sql("""
                        UPDATE identity.account a
                           SET status = 'DEACTIVATED', status_reason = 'DORMANT', status_changed_at = :now,
                               version = version + 1
                         WHERE a.id = :id AND a.status = 'ACTIVE' AND a.type <> 'SYSTEM_ADMIN' AND %s < :cutoff
                        """.formatted(ACTIVITY))
                        .param("id", id)
                        .param("cutoff", ts(cutoff))
                        .param("now", ts(now))
                        .update()
                == 1;
    }
}
