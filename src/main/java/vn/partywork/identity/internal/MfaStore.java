package vn.partywork.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolled TOTP secrets (encrypted) and the recovery-code hashes of accounts (P-ID-4). */
@Repository
class MfaStore {

    record Enrolment(long accountId, byte[] secret, Instant enrolledAt, long lastStep) {}

    record RecoveryCode(long id, String hash) {}

    private final JdbcClient jdbc;

    MfaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Enrolment> of(long accountId) {
        return jdbc.sql("SELECT account_id, secret, enrolled_at, last_step FROM identity.mfa WHERE account_id = :id")
                .param("id", accountId)
                .query((rs, n) -> new Enrolment(
                        rs.getLong("account_id"),
                        rs.getBytes("secret"),
                        AccountStore.instant(rs, "enrolled_at"),
                        rs.getLong("last_step")))
                .optional();
    }

    boolean enrolled(long accountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.mfa WHERE account_id = :id)")
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }

    /** Replaces any earlier enrolment and its recovery codes. */
    void enrol(long accountId, byte[] secret, long step, List<String> recoveryHashes, Instant now) {
        remove(accountId);
        jdbc.sql("""
                INSERT INTO identity.mfa (account_id, secret, enrolled_at, last_step)
                VALUES (:id, :secret, :now, :step)
                """)
                .param("id", accountId)
                .param("secret", secret)
                .param("now", AccountStore.ts(now))
                .param("step", step)
                .update();
        for (String hash : recoveryHashes) {
            jdbc.sql("INSERT INTO identity.mfa_recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                    .param("id", accountId)
                    .param("hash", hash)
                    .update();
        }
    }

    /** Moves the last used step forward; false when the step was already used (a replay), atomically. */
    boolean useStep(long accountId, long step) {
        return jdbc.sql("UPDATE identity.mfa SET last_step = :step WHERE account_id = :id AND last_step < :step")
                        .param("id", accountId)
                        .param("step", step)
                        .update()
                == 1;
    }

    List<RecoveryCode> unusedRecoveryCodes(long accountId) {
        return jdbc.sql("""
                SELECT id, code_hash FROM identity.mfa_recovery_code
                 WHERE account_id = :id AND used_at IS NULL ORDER BY id
                """)
                .param("id", accountId)
                .query((rs, n) -> new RecoveryCode(rs.getLong("id"), rs.getString("code_hash")))
                .list();
    }

    /** Marks a recovery code used; false when another request used it first. */
    boolean useRecoveryCode(long id, Instant now) {
        return jdbc.sql("UPDATE identity.mfa_recovery_code SET used_at = :now WHERE id = :id AND used_at IS NULL")
                        .param("id", id)
                        .param("now", AccountStore.ts(now))
                        .update()
                == 1;
    }

    /** Forgets the enrolment; the used recovery codes go too (the audit log keeps the history). */
    boolean remove(long accountId) {
        jdbc.sql("DELETE FROM identity.mfa_recovery_code WHERE account_id = :id")
                .param("id", accountId)
                .update();
        return jdbc.sql("DELETE FROM identity.mfa WHERE account_id = :id")
                        .param("id", accountId)
                        .update()
                == 1;
    }
}
