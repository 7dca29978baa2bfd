package vn.partywork.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.document.DocumentInfo;
import vn.partywork.document.Documents;
import vn.partywork.document.NewDocument;
import vn.partywork.document.SampleFiles;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.MutableClock;
import vn.partywork.member.MemberDocuments;
import vn.partywork.member.MemberTestData;
import vn.partywork.shared.Classification;
import vn.partywork.web.Browser;

/**
 * P-AZ-2 in Chromium: {@code hn.tochuc} shares a file of a Hà Nội member's record with
 * {@code hcm.tochuc} through the account picker; {@code hcm.tochuc} finds it under "Được chia sẻ
 * với tôi" and comments on it. Screenshots of the share panel and the received list (desktop and
 * phone) go to target/screenshots; no Content-Security-Policy violation on the way.
 */
@PartyworkTest
class DocumentSharesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Documents documents;

    @Autowired
    AccessScopes scopes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

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
    void theUploaderSharesAFileAndTheGranteeFindsItAndComments() {
        String name = "bien-ban-hop-" + System.nanoTime() + ".pdf";
        DocumentInfo file = documents.store(
                scopes.forAccount(
                        accounts.byIdentifier("hn.tochuc").orElseThrow().id(), LocalDate.now(clock)),
                new NewDocument(
                        MemberDocuments.OWNER_TYPE,
                        String.valueOf(new MemberTestData(jdbc).idByName("Nguyễn Văn An")),
                        name,
                        SampleFiles.pdf("Biên bản họp chi bộ"),
                        Classification.UNCLASSIFIED));

        login("hn.tochuc");
        browser.get(url("/documents/" + file.id() + "/info"));
        assertThat(browser.findElement(By.id("shares-empty")).getText()).contains("chưa được chia sẻ");
        browser.findElement(By.id("grantee-q")).sendKeys("hcm.to");
        wait(By.cssSelector("#grantee-results button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("grantee-chosen"), "hcm.tochuc"));
        new Select(browser.findElement(By.id("share-level"))).selectByValue("COMMENT");
        Browser.click(browser, By.cssSelector("#share-form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pw-shares"), "hcm.tochuc"));
        assertThat(browser.findElement(By.cssSelector(".pw-shares")).getText())
                .contains("Xem và góp ý")
                .contains("Thu hồi");
        Browser.screenshot(browser, "document-share-panel");
        phone();
        Browser.screenshot(browser, "document-share-panel-phone");
        assertThat(Browser.cspViolations(browser)).isEmpty();

        browser.manage().deleteAllCookies();
        desktop();
        login("hcm.tochuc");
        browser.get(url("/shares/received"));
        WebElement received = browser.findElement(By.cssSelector(".pw-received"));
        assertThat(received.getText()).contains(name).contains("Xem và góp ý").contains("hn.tochuc");
        Browser.screenshot(browser, "shares-received");
        phone();
        Browser.screenshot(browser, "shares-received-phone");
        desktop();

        browser.findElement(By.linkText(name)).click();
        browser.findElement(By.id("comment-body")).sendKeys("Đề nghị bổ sung chữ ký thư ký.");
        Browser.click(browser, By.cssSelector("#comments button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".pw-comments"), "Đề nghị bổ sung chữ ký thư ký."));
        assertThat(browser.findElements(By.id("share-form")))
                .as("a grantee does not share further")
                .isEmpty();
        assertThat(Browser.cspViolations(browser)).isEmpty();
    }

    private void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    private void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
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
