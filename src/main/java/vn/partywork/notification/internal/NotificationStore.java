package vn.partywork.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.partywork.notification.NotificationKind;
import vn.partywork.notification.NotificationView;

/** The notifications table; every query names the recipient account. */
@Repository
public class NotificationStore {

    /** What the e-mail delivery needs of a notification. */
    public record MailItem(
            long id,
            long accountId,
            String title,
            String body,
            @Nullable String link,
            @Nullable String address) {}

    private static final String SELECT =
            "SELECT id, kind, title, body, link, created_at, read_at FROM notification.notification";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the account already has a notification with the same dedupe key; the new id, if any. */
    public Optional<Long> insert(
            long accountId,
            NotificationKind kind,
            String title,
            String body,
            @Nullable String link,
            @Nullable String dedupeKey,
            Instant now,
            @Nullable String mailAddress) {
        return jdbc.sql("""
                INSERT INTO notification.notification (account_id, kind, title, body, link, created_at, dedupe_key,
                                                       mail_status, mail_address)
                VALUES (:account, :kind, :title, :body, :link, :now, :dedupe, :mailStatus, :mailAddress)
                ON CONFLICT (account_id, dedupe_key) DO NOTHING
                RETURNING id""")
                .param("account", accountId)
                .param("kind", kind.name())
                .param("title", title)
                .param("body", body)
                .param("link", link)
                .param("now", timestamp(now))
                .param("dedupe", dedupeKey)
                .param("mailStatus", mailAddress == null ? null : "PENDING")
                .param("mailAddress", mailAddress)
                .query(Long.class)
                .optional();
    }

    public List<NotificationView> page(long accountId, int offset, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE account_id = :account ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .param("account", accountId)
                .param("offset", offset)
                .param("limit", limit)
                .query(NotificationStore::row)
                .list();
    }

    public long count(long accountId) {
        return jdbc.sql("SELECT count(*) FROM notification.notification WHERE account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    public long unread(long accountId) {
        return jdbc.sql(
                        "SELECT count(*) FROM notification.notification WHERE account_id = :account AND read_at IS NULL")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    public Optional<NotificationView> byId(long accountId, long id) {
        return jdbc.sql(SELECT + " WHERE id = :id AND account_id = :account")
                .param("id", id)
                .param("account", accountId)
                .query(NotificationStore::row)
                .optional();
    }

    /** Marks one of the account's notifications read (keeping the first reading time). */
    public void markRead(long accountId, long id, Instant now) {
        jdbc.sql("""
                UPDATE notification.notification SET read_at = :now
                 WHERE id = :id AND account_id = :account AND read_at IS NULL""")
                .param("now", timestamp(now))
                .param("id", id)
                .param("account", accountId)
                .update();
    }

    public int markAllRead(long accountId, Instant now) {
        return jdbc.sql("""
                UPDATE notification.notification SET read_at = :now WHERE account_id = :account AND read_at IS NULL""")
                .param("now", timestamp(now))
                .param("account", accountId)
                .update();
    }

    public Optional<MailItem> pendingMail(long id) {
        return jdbc.sql("""
                SELECT id, account_id, title, body, link, mail_address FROM notification.notification
                 WHERE id = :id AND mail_status = 'PENDING'""")
                .param("id", id)
                .query((rs, n) -> new MailItem(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getString("mail_address")))
                .optional();
    }

    public void mailOutcome(long id, boolean sent, @Nullable String error, Instant at) {
        jdbc.sql("""
                UPDATE notification.notification
                   SET mail_status = :status, mail_error = :error, mail_attempted_at = :at
                 WHERE id = :id""")
                .param("status", sent ? "SENT" : "FAILED")
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .param("at", timestamp(at))
                .param("id", id)
                .update();
    }

    private static NotificationView row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new NotificationView(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
