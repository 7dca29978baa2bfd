package vn.partywork.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * Issue 4 "done when": in the demo, the cell secretary and the grassroots committee's leader pass a
 * member's request through the chain in the browser (a return for revision in the middle), and the
 * upper level approves it. Screenshots land in target/screenshots (approval-*.png).
 */
@PartyworkTest
class ApprovalChainInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver driver;
    WebDriverWait wait;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void cellSecretaryAndGrassrootsLeaderPassARequestThroughTheChain() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        Reply created = ApiClient.as(port, "dangvien.demo").post("/api/v1/approvals", """
                {"chainCode": "MEMBER_UPDATE", "subjectOrgId": %d, "subjectType": "browser-test",
                 "subjectId": "dangvien.demo", "title": "Vũ Văn Nam: đổi số điện thoại (kiểm thử trình duyệt)",
                 "changes": [{"field": "phone", "label": "Số điện thoại",
                              "oldValue": "0912 345 678", "newValue": "0987 654 321"}]}""".formatted(cell));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.<Number>json("$.summary.id").longValue();

        // The cell confirms from its inbox.
        login("bithu.demo");
        open("/approvals");
        click(driver.findElement(By.cssSelector("a[href='/approvals/" + id + "']")));
        Browser.screenshot(driver, "approval-01-cell-step");
        act("APPROVE", "Chi bộ đã kiểm tra, xác nhận đúng.");
        assertThat(text()).contains("Đảng bộ phường Hoàn Kiếm");

        // The grassroots leader returns it once, the member resubmits, the cell confirms again.
        login("danguy.hoankiem");
        open("/approvals");
        click(driver.findElement(By.cssSelector("a[href='/approvals/" + id + "']")));
        act("RETURN", "Đề nghị ghi rõ số điện thoại cũ đã hủy.");
        assertThat(text()).contains("Trả lại");
        Reply detail = ApiClient.as(port, "dangvien.demo").get("/api/v1/approvals/" + id);
        Reply resubmitted = ApiClient.as(port, "dangvien.demo")
                .post(
                        "/api/v1/approvals/" + id + "/resubmit",
                        "{\"version\": %d, \"comment\": \"Số cũ đã hủy từ tháng 10.\"}"
                                .formatted(
                                        detail.<Number>json("$.summary.version").intValue()));
        assertThat(resubmitted.status()).as("%s", resubmitted).isEqualTo(200);
        login("bithu.demo");
        open("/approvals/" + id);
        act("APPROVE", "Xác nhận lại.");

        login("danguy.hoankiem");
        open("/approvals/" + id);
        Browser.screenshot(driver, "approval-02-grassroots-step");
        act("APPROVE", "Đảng ủy phường đã thẩm định.");

        // The upper level (organisation staff of Hà Nội) approves; the trail shows every step.
        login("hn.tochuc");
        open("/approvals/" + id);
        act("APPROVE", null);
        Browser.screenshot(driver, "approval-03-completed");
        assertThat(text())
                .contains("Đã phê duyệt; yêu cầu đã hoàn thành.")
                .contains("bithu.demo")
                .contains("danguy.hoankiem")
                .contains("Đề nghị ghi rõ số điện thoại cũ đã hủy.");
    }

    private void login(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void act(String action, String comment) {
        if (comment != null) {
            driver.findElement(By.id("comment")).sendKeys(comment);
        }
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("button[name=action][value=" + action + "]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success, .alert-danger")));
        assertThat(driver.findElements(By.cssSelector(".alert-danger")))
                .as(before)
                .isEmpty();
    }

    private void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String text() {
        return driver.findElement(By.tagName("main")).getText();
    }
}
