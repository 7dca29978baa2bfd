package vn.partywork.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.Browser;

/**
 * Issue 6 item 9 in a real browser: under the strict Content-Security-Policy the pages still work
 * (htmx search in the organisation picker, Bootstrap menus, confirmations bound in
 * /js/partywork.js) and Chromium reports no violation on the console.
 */
@PartyworkTest
class ContentSecurityPolicyBrowserTests {

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
    void pagesWorkUnderTheContentSecurityPolicyWithoutViolations() {
        List<String> violations = new ArrayList<>();
        login("hn.tochuc");
        for (String page : List.of("/", "/orgs", "/members", "/approvals", "/calendar", "/notifications")) {
            browser.get(url(page));
            violations.addAll(Browser.cspViolations(browser));
        }
        // Bootstrap's JavaScript runs: the user menu opens.
        browser.findElement(By.id("user-menu")).click();
        wait(By.cssSelector(".dropdown-menu.show"));
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();

        login("admin");
        browser.get(url("/admin/grants"));
        // htmx runs: typing searches and a click swaps the chosen organisation in.
        browser.findElement(By.id("orgId-q")).sendKeys("nghe an");
        wait(By.cssSelector("#orgId-results button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("orgId-chosen"), "Nghệ An"));
        // The confirmation bound by data-confirm asks; dismissing it keeps the grant.
        int before = browser.findElements(By.cssSelector("form[data-confirm]")).size();
        assertThat(before).isPositive();
        String page = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("form[data-confirm] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).isEqualTo("Thu hồi quyền này?");
        browser.switchTo().alert().dismiss();
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        assertThat(browser.findElements(By.cssSelector("form[data-confirm]"))).hasSize(before);
        violations.addAll(Browser.cspViolations(browser));
        Browser.screenshot(browser, "csp-admin-grants");

        assertThat(violations)
                .as("Content-Security-Policy violations on the console")
                .isEmpty();
    }

    @Test
    void theApiDocumentationRendersUnderThePolicy() {
        browser.get(url("/api/docs"));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".swagger-ui .information-container")));
        assertThat(Browser.cspViolations(browser))
                .as("Content-Security-Policy violations on /api/docs")
                .isEmpty();
    }

    private org.openqa.selenium.WebElement wait(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(by));
    }

    private void login(String identifier) {
        Browser.signIn(browser, url("/login"), identifier);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
