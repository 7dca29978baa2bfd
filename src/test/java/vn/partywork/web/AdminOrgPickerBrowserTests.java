package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;

/**
 * The organisation picker as an administrator uses it: type without diacritics, click a match, see
 * the full name and the parent, submit. Demo accounts: {@code admin} (system), {@code hn.quantri}
 * (Hà Nội's organisation administrator).
 */
@PartyworkTest
class AdminOrgPickerBrowserTests {

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
    void anOrgAdminPicksAHomeOrganisationInsideItsSubtreeByTyping() {
        login("hn.quantri");
        browser.get(url("/admin/accounts/new"));
        WebElement search = browser.findElement(By.id("homeOrgId-q"));
        search.sendKeys("ba dinh");
        WebElement match = wait(By.cssSelector("#homeOrgId-results button"));
        assertThat(match.getText()).contains("Ba Đình").contains("Trực thuộc:");
        Browser.screenshot(browser, "admin-account-org-picker-matches");
        match.click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("homeOrgId-chosen"), "Ba Đình"));
        String id = browser.findElement(By.cssSelector("#homeOrgId-picker input[type=hidden]"))
                .getDomProperty("value");
        assertThat(id).matches("\\d+");
        assertThat(browser.findElement(By.id("homeOrgId-chosen")).getText()).contains("Trực thuộc:");
        Browser.screenshot(browser, "admin-account-org-picker");

        // Hồ Chí Minh City is outside Hà Nội's subtree: the picker does not offer it.
        WebElement again = browser.findElement(By.id("homeOrgId-q"));
        again.sendKeys("ho chi minh");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("homeOrgId-results"), "Không tìm thấy"));
    }

    @Test
    void aSystemAdministratorPicksAGrantScopeAnywhere() {
        login("admin");
        browser.get(url("/admin/grants"));
        browser.findElement(By.id("orgId-q")).sendKeys("nghe an");
        wait(By.cssSelector("#orgId-results button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("orgId-chosen"), "Nghệ An"));
        Browser.screenshot(browser, "admin-grant-org-picker");
    }

    private WebElement wait(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(by));
    }

    private void login(String identifier) {
        Browser.signIn(browser, url("/login"), identifier);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
