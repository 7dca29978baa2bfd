package vn.partywork.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.notification.NewNotification;
import vn.partywork.notification.NotificationKind;
import vn.partywork.notification.NotificationPreferences;
import vn.partywork.notification.Notifications;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/**
 * The bell in the header, the "Thông báo" page and "Cài đặt thông báo" through a real login. The
 * auditor's account is used because nothing else notifies it while the test runs.
 */
@PartyworkTest
class NotificationPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationPreferences preferences;

    long account(String identifier) {
        return jdbc.sql("SELECT id FROM identity.account WHERE identifier = :i")
                .param("i", identifier)
                .query(Long.class)
                .single();
    }

    long raise(long account, NotificationKind kind, String title, String link) {
        return notifications
                .raise(new NewNotification(account, kind, title, "Nội dung: " + title, link, null))
                .orElseThrow();
    }

    @Test
    void theBellCountsUnreadNotificationsAndOpeningOneMarksItReadAndFollowsItsLink() {
        long auditor = account("kiemtoan");
        notifications.markAllRead(auditor);
        long overdue = raise(auditor, NotificationKind.STEP_OVERDUE, "Quá hạn: yêu cầu thử nghiệm", "/calendar");
        long returned = raise(auditor, NotificationKind.REQUEST_RETURNED, "Trả lại: yêu cầu thử nghiệm", "/audit");
        long foreign = raise(account("dangvien.demo"), NotificationKind.STEP_OPENED, "Của người khác", "/calendar");

        PageSession session = PageSession.login(port, "kiemtoan");
        Page home = session.get("/calendar");
        assertThat(home.body()).contains("2 thông báo chưa đọc", "pw-unread-count");

        Page list = session.get("/notifications");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(
                        "Quá hạn: yêu cầu thử nghiệm",
                        "Nội dung: Trả lại: yêu cầu thử nghiệm",
                        "Trả lại để chỉnh sửa",
                        "2 chưa đọc",
                        "Đánh dấu tất cả đã đọc",
                        "Đánh dấu đã đọc")
                .doesNotContain("Của người khác");
        // Newest first.
        assertThat(list.body().indexOf("Trả lại: yêu cầu thử nghiệm"))
                .isLessThan(list.body().indexOf("Quá hạn: yêu cầu thử nghiệm"));

        Page opened = session.post("/notifications/" + overdue + "/open", Map.of());
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/calendar");
        assertThat(session.get("/calendar").body()).contains("1 thông báo chưa đọc");

        Page marked = session.post("/notifications/" + returned + "/read", Map.of("page", "0"));
        assertThat(marked.status()).isEqualTo(302);
        assertThat(marked.location()).endsWith("/notifications?page=0");
        Page after = session.get("/notifications");
        assertThat(after.body()).doesNotContain("chưa đọc", "pw-unread-count");
        assertThat(notifications.unreadCount(auditor)).isZero();

        // Somebody else's notification: not found, and it stays unread.
        assertThat(session.post("/notifications/" + foreign + "/open", Map.of()).status())
                .isEqualTo(404);
        assertThat(notifications.page(account("dangvien.demo"), 0, 100).items())
                .filteredOn(n -> n.id() == foreign)
                .singleElement()
                .satisfies(n -> assertThat(n.unread()).isTrue());

        raise(auditor, NotificationKind.STEP_DUE_SOON, "Sắp đến hạn: thứ nhất", "/calendar");
        raise(auditor, NotificationKind.STEP_DUE_SOON, "Sắp đến hạn: thứ hai", "/calendar");
        Page all = session.post("/notifications/read-all", Map.of());
        assertThat(all.status()).isEqualTo(302);
        assertThat(session.get("/notifications").body()).contains("Đã đánh dấu 2 thông báo là đã đọc.");
    }

    @Test
    void theSettingsPageRefusesAMalformedAddressInVietnameseAndSavesAGoodOne() {
        PageSession session = PageSession.login(port, "kiemtoan");
        Page page = session.get("/notifications/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Cài đặt thông báo", "Địa chỉ thư điện tử nhận thông báo");

        Page bad = session.post("/notifications/settings", Map.of("email", "kiem toan@donvi"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Địa chỉ thư điện tử không hợp lệ", "kiem toan@donvi");
        assertThat(preferences.email(account("kiemtoan"))).isEmpty();

        Page saved = session.post("/notifications/settings", Map.of("email", "kiemtoan@donvi.gov.vn"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(session.get("/notifications/settings").body())
                .contains("Đã lưu cài đặt thông báo.", "kiemtoan@donvi.gov.vn");
        assertThat(preferences.email(account("kiemtoan"))).contains("kiemtoan@donvi.gov.vn");

        session.post("/notifications/settings", Map.of("email", ""));
        assertThat(preferences.email(account("kiemtoan"))).isEmpty();
    }
}
