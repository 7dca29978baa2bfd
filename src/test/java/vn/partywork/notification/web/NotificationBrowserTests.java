package vn.partywork.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.notification.Eventually;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * The cell secretary in a real browser: the bell shows the unread count, the list shows the new
 * step, clicking it opens the request and marks it read. Screenshots go to target/screenshots.
 */
@PartyworkTest
class NotificationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCellSecretaryFollowsTheBellToTheNewRequest() {
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        long id = ApiClient.as(port, "dangvien.demo")
                .post("/api/v1/approvals", """
                        {"chainCode": "MEMBER_UPDATE", "subjectOrgId": %d, "subjectType": "demo-member-update",
                         "subjectId": "dangvien.demo", "title": "Vũ Văn Nam: đổi địa chỉ thư (trình duyệt)",
                         "changes": [{"field": "email", "label": "Thư điện tử",
                                      "oldValue": "nam@example.vn", "newValue": "vu.van.nam@example.vn"}]}""".formatted(cell))
                .<Number>json("$.summary.id")
                .longValue();
        Eventually.until(this::unreadOfSecretaryAboutTheRequest, n -> n > 0);

        login("bithu.demo");
        browser.get(url("/approvals"));
        WebElement bell = browser.findElement(By.cssSelector("a.pw-bell"));
        String count = bell.findElement(By.cssSelector(".pw-unread-count")).getText();
        assertThat(count).matches("[1-9][0-9]*|99\\+");
        Browser.screenshot(browser, "notification-bell");

        bell.click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith("/notifications"));
        WebElement item = browser.findElement(
                By.xpath(
                        "//li[contains(@class,'pw-unread')][.//span[text()='Việc cần xử lý: Vũ Văn Nam: đổi địa chỉ thư (trình duyệt)']]"));
        assertThat(item.getText()).contains("Việc mới", "Bước 1 – Xác nhận", "Đánh dấu đã đọc");
        Browser.screenshot(browser, "notification-list");

        WebElement open = item.findElement(By.cssSelector("form button.btn-link"));
        // Other tests' alerts (dated ahead by their moved clocks) come first and can push the item
        // under the page's edge, where ChromeDriver refuses a native click: click it as the page would.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", open);
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith("/approvals/" + id));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Vũ Văn Nam: đổi địa chỉ thư (trình duyệt)");
        assertThat(unreadOfSecretaryAboutTheRequest()).isZero();

        browser.get(url("/notifications/settings"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cài đặt thông báo");
        Browser.screenshot(browser, "notification-settings");

        login("hn.tochuc");
        browser.get(url("/approvals/monitor"));
        assertThat(browser.findElement(By.id("timelinessHeading")).getText())
                .isEqualTo("Tỷ lệ xử lý đúng hạn theo đơn vị");
        Browser.screenshot(browser, "approval-monitor-timeliness");
    }

    private long unreadOfSecretaryAboutTheRequest() {
        return jdbc.sql("""
                SELECT count(*) FROM notification.notification n JOIN identity.account a ON a.id = n.account_id
                 WHERE a.identifier = 'bithu.demo' AND n.read_at IS NULL
                   AND n.title = 'Việc cần xử lý: Vũ Văn Nam: đổi địa chỉ thư (trình duyệt)'""").query(Long.class).single();
    }

    private void login(String identifier) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, url("/login"), identifier);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
