package vn.partywork.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.ProposedChange;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.SubmitRequest;
import vn.partywork.identity.MutableClock;
import vn.partywork.shared.AccessScope;

/** Demo accounts, a request of the demo member's cell, and an account's notifications about one request. */
record NotificationTestSupport(
        JdbcClient jdbc,
        AccessScopes scopes,
        ApprovalRequests approvals,
        Notifications notifications,
        MutableClock clock) {

    static final String HANG_BAC = "Chi bộ Tổ dân phố Hàng Bạc";

    long account(String identifier) {
        return jdbc.sql("SELECT id FROM identity.account WHERE identifier = :i")
                .param("i", identifier)
                .query(Long.class)
                .single();
    }

    AccessScope scope(String identifier) {
        return scopes.forAccount(account(identifier), LocalDate.now(clock));
    }

    long org(String name) {
        return jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /** A member update request of Chi bộ Hàng Bạc, submitted by the given scope. */
    RequestDetails submit(AccessScope submitter, String title) {
        return approvals.submit(
                submitter,
                new SubmitRequest(
                        "MEMBER_UPDATE",
                        org(HANG_BAC),
                        "test-notification",
                        "VU-VAN-NAM",
                        title,
                        List.of(new ProposedChange("phone", "Số điện thoại", "0912 345 678", "0987 654 321"))));
    }

    /** The account's notifications that link to the request, oldest first. */
    List<NotificationView> about(long accountId, long requestId) {
        return jdbc.sql("""
                SELECT id, kind, title, body, link, created_at, read_at FROM notification.notification
                 WHERE account_id = :account AND link = :link ORDER BY id""")
                .param("account", accountId)
                .param("link", "/approvals/" + requestId)
                .query((rs, n) -> new NotificationView(
                        rs.getLong("id"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("read_at", OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    List<NotificationView> about(String identifier, long requestId) {
        return about(account(identifier), requestId);
    }
}
