package vn.partywork.notification.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail address each account registered for its notifications. */
@Repository
public class MailAddressStore {

    private final JdbcClient jdbc;

    MailAddressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> of(long accountId) {
        return jdbc.sql("SELECT email FROM notification.mail_address WHERE account_id = :account")
                .param("account", accountId)
                .query(String.class)
                .optional();
    }

    public void put(long accountId, String email, Instant now) {
        jdbc.sql("""
                INSERT INTO notification.mail_address (account_id, email, updated_at) VALUES (:account, :email, :now)
                ON CONFLICT (account_id) DO UPDATE
                   SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at,
                       version = notification.mail_address.version + 1""")
                .param("account", accountId)
                .param("email", email)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    public void remove(long accountId) {
        jdbc.sql("DELETE FROM notification.mail_address WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }
}
