package vn.partywork.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.notification.NewNotification;
import vn.partywork.notification.NotificationKind;
import vn.partywork.notification.Notifications;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;

/** The notification API: each account reaches its own notifications only; unread count, mark read, read all. */
@PartyworkTest
class NotificationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Notifications notifications;

    long cell() {
        return new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
    }

    ApiClient signIn(AccountView account) {
        ApiClient.Reply token = ApiClient.anonymous(port)
                .post("/api/v1/auth/token", """
                {"username": "%s", "password": "%s"}""".formatted(account.identifier(), Fixtures.PASSWORD));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return ApiClient.anonymous(port).withToken(token.<String>json("$.token"));
    }

    long raise(long account, String title, String dedupeKey) {
        return notifications
                .raise(new NewNotification(
                        account, NotificationKind.STEP_OPENED, title, "Nội dung " + title, "/approvals/1", dedupeKey))
                .orElseThrow();
    }

    @Test
    void anAccountCountsReadsAndMarksOnlyItsOwnNotifications() {
        Fixtures fixtures = new Fixtures(jdbc, administration);
        AccountView ha = fixtures.account(AccountType.USER, cell());
        AccountView binh = fixtures.account(AccountType.USER, cell());
        long first = raise(ha.id(), "Thông báo thứ nhất", "test:1");
        long second = raise(ha.id(), "Thông báo thứ hai", "test:2");
        assertThat(notifications.raise(new NewNotification(
                        ha.id(), NotificationKind.STEP_OPENED, "Lặp lại", "Lặp lại", null, "test:2")))
                .as("the same dedupe key is raised once")
                .isEmpty();
        long third = raise(ha.id(), "Thông báo thứ ba", null);
        long others = raise(binh.id(), "Thông báo của người khác", null);

        ApiClient api = signIn(ha);
        assertThat(api.get("/api/v1/notifications/unread-count").<Integer>json("$.count"))
                .isEqualTo(3);
        ApiClient.Reply list = api.get("/api/v1/notifications");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.<List<String>>json("$.items[*].title"))
                .containsExactly("Thông báo thứ ba", "Thông báo thứ hai", "Thông báo thứ nhất");
        assertThat(list.<Integer>json("$.total")).isEqualTo(3);
        assertThat(api.get("/api/v1/notifications?page=1&size=2").<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) first);

        // Another account's notification does not exist for this one, and stays unread.
        ApiClient.Reply foreign = api.post("/api/v1/notifications/" + others + "/read", "{}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("notification.notFound");
        assertThat(foreign.message()).isEqualTo("Không tìm thấy thông báo.");
        assertThat(notifications.unreadCount(binh.id())).isEqualTo(1);

        ApiClient.Reply read = api.post("/api/v1/notifications/" + second + "/read", "{}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.<String>json("$.readAt")).isNotBlank();
        assertThat(api.get("/api/v1/notifications/unread-count").<Integer>json("$.count"))
                .isEqualTo(2);

        assertThat(api.post("/api/v1/notifications/read-all", "{}").<Integer>json("$.marked"))
                .isEqualTo(2);
        assertThat(api.get("/api/v1/notifications/unread-count").<Integer>json("$.count"))
                .isEqualTo(0);
        assertThat(notifications.unreadCount(binh.id())).isEqualTo(1);
        assertThat(third).isGreaterThan(second);

        // Opening a notification follows its link: only ever to a page of this application.
        for (String link : List.of("//evil.example/x", "/\\evil.example", "https://evil.example")) {
            assertThatThrownBy(() -> notifications.raise(
                            new NewNotification(ha.id(), NotificationKind.STEP_OPENED, "Liên kết", "x", link, null)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theEmailAddressForNotificationsIsValidated() {
        AccountView account = new Fixtures(jdbc, administration).account(AccountType.USER, cell());
        ApiClient api = signIn(account);
        ApiClient.Reply bad = api.send("PUT", "/api/v1/notifications/settings", """
                {"email": "khong-phai-dia-chi@"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("notification.email.invalid");
        assertThat(api.get("/api/v1/notifications/settings").body()).doesNotContain("khong-phai");

        ApiClient.Reply ok = api.send("PUT", "/api/v1/notifications/settings", """
                {"email": "  nguyen.van.kiem@donvi.gov.vn "}""");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.<String>json("$.email")).isEqualTo("nguyen.van.kiem@donvi.gov.vn");
        // P-AU-1: the change is in the audit log with old and new value.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE target_type = 'notification_mail_address' AND target_id = :id""")
                        .param("id", String.valueOf(account.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        ApiClient.Reply cleared = api.send("PUT", "/api/v1/notifications/settings", """
                {"email": ""}""");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/settings").body()).doesNotContain("nguyen.van.kiem");
    }
}
