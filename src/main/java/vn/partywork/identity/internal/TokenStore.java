package vn.partywork.identity.internal;

import static vn.partywork.identity.internal.AccountStore.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API bearer tokens, kept only as SHA-256 hashes. */
@Repository
class TokenStore {

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long accountId, byte[] hash, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO identity.api_token (account_id, token_hash, issued_at, expires_at)
                VALUES (:account, :hash, :issued, :expires)
                """)
                .param("account", accountId)
                .param("hash", hash)
                .param("issued", ts(issuedAt))
                .param("expires", ts(expiresAt))
                .update();
    }

    /** Revokes one token; returns its account when it was valid. */
    Optional<Long> revoke(byte[] hash, Instant now) {
        return jdbc.sql("""
                UPDATE identity.api_token SET revoked_at = :now
                 WHERE token_hash = :hash AND revoked_at IS NULL
                RETURNING account_id
                """)
                .param("hash", hash)
                .param("now", ts(now))
                .query(Long.class)
                .optional();
    }

    void revokeAll(long accountId, Instant now) {
        jdbc.sql("UPDATE identity.api_token SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
                .param("account", accountId)
                .param("now", ts(now))
                .update();
    }
}
