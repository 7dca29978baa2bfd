package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.Browser;

/**
 * End to end in headless Chromium (issue 5 "Tests that must exist"): the secretary finds a member by
 * typing without diacritics, the member proposes a change on their own page, the secretary
 * confirms it at the cell step.
 */
@PartyworkTest
class MemberInBrowserTests {

    @LocalServerPort
    int port;

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
    void secretaryFindsAMemberTheMemberProposesAChangeAndTheSecretaryConfirmsIt() {
        login("bithu.demo");
        browser.get(url("/members"));
        browser.findElement(By.id("q")).sendKeys("vu van nam");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-results"), "Vũ Văn Nam"));
        Browser.screenshot(browser, "members-search");
        // htmx may still swap the results in while the last keystrokes are answered.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(By.linkText("Vũ Văn Nam")).click();
                    return true;
                });
        wait(By.id("history-title"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Thông tin cá nhân", "Chi bộ Tổ dân phố Hàng Bạc", "Quá trình sinh hoạt đảng");
        Browser.screenshot(browser, "members-record");
        logout();

        login("dangvien.demo");
        browser.findElement(By.linkText("Hồ sơ của tôi")).click();
        wait(By.linkText("Đề nghị cập nhật thông tin")).click();
        WebElement languages = wait(By.id("foreignLanguages"));
        languages.clear();
        String value = "Tiếng Anh B2, tiếng Pháp A" + (System.nanoTime() % 9 + 1);
        languages.sendKeys(value);
        Browser.screenshot(browser, "members-propose");
        Browser.click(browser, By.cssSelector("main form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().matches(".*/approvals/\\d+"));
        String request = browser.getCurrentUrl();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(value);
        logout();

        login("bithu.demo");
        browser.get(request);
        wait(By.cssSelector("button[value=APPROVE]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Đảng bộ phường Hoàn Kiếm"));
        Browser.screenshot(browser, "members-approval-confirmed");
    }

    private WebElement wait(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by));
    }

    private void login(String identifier) {
        Browser.signIn(browser, url("/login"), identifier);
    }

    private void logout() {
        browser.manage().deleteAllCookies();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
