package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * M-4 in headless Chromium: the city staff open the "Ghi biến động" menu on a record, record an
 * exemption on its form, issue a transfer, and the receiving secretary accepts it on the list of
 * transfers (screenshots in target/screenshots).
 */
@PartyworkTest
class MemberEventsInBrowserTests {

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
    void staffRecordAnExemptionIssueATransferAndTheSecretaryAcceptsIt() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long id = MemberTestData.create(ApiClient.as(port, "hn.tochuc"), hangDao, "Quách Văn Trình Duyệt");
        String today = DemoOrgs.today().format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));

        login("hn.tochuc");
        browser.get(url("/members/" + id));
        click(By.xpath("//button[normalize-space()='Ghi biến động']"));
        Browser.screenshot(browser, "members-event-menu");
        click(By.linkText("Miễn công tác và sinh hoạt đảng"));
        wait(By.id("number")).sendKeys("5-QĐ/CB");
        type("date", today);
        browser.findElement(By.id("issuer")).sendKeys("Chi bộ Tổ dân phố Hàng Đào");
        type("effectiveOn", today);
        Browser.screenshot(browser, "members-event-form");
        click(By.cssSelector("main form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Đang miễn sinh hoạt đảng"));
        assertThat(browser.findElement(By.id("events-title")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "members-record-events");

        click(By.linkText("Chuyển sinh hoạt đảng"));
        WebElement cells = wait(By.id("toCellId"));
        new org.openqa.selenium.support.ui.Select(cells).selectByVisibleText("Chi bộ Tổ dân phố Hàng Bạc");
        browser.findElement(By.id("number")).sendKeys("9-GGT/ĐU");
        type("date", today);
        browser.findElement(By.id("issuer")).sendKeys("Đảng ủy phường Hoàn Kiếm");
        Browser.screenshot(browser, "members-transfer-form");
        click(By.cssSelector("main form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Đang chuyển, chờ tiếp nhận"));
        browser.manage().deleteAllCookies();

        login("bithu.demo");
        browser.get(url("/members/transfers"));
        wait(By.id("incoming-title"));
        Browser.screenshot(browser, "members-transfers");
        WebElement row = browser.findElement(By.xpath("//tr[td/a[normalize-space()='Quách Văn Trình Duyệt']]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
        row.findElement(By.xpath(".//button[normalize-space()='Tiếp nhận']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Đã tiếp nhận đảng viên Quách Văn Trình Duyệt."));
        browser.get(url("/members/" + id));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Chi bộ Tổ dân phố Hàng Bạc");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.sendKeys(text);
    }

    private void click(By by) {
        WebElement element = wait(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement wait(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by));
    }

    private void login(String identifier) {
        Browser.signIn(browser, url("/login"), identifier);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
