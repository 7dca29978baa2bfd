package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.web.DemoOrgs.establish;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
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
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * End to end in headless Chromium, as Hà Nội's organisation staff: sign in, find a cell by typing
 * its name without diacritics, open it, rename it through the form, and see the new name and the
 * history entry. The cell is established through the API first, so the demo tree stays as it is.
 */
@PartyworkTest
class RenameInBrowserTests {

    private static final String OLD_NAME = "Chi bộ Tổ dân phố Lò Đúc";
    private static final String NEW_NAME = "Chi bộ Tổ dân phố Lò Đúc – Phố Huế";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void hanoiStaffFindACellWithoutDiacriticsAndRenameIt() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        long ward = establish(hn, orgs.id(DemoOrgs.HANOI), OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Hai Bà Trưng");
        long cell = establish(hn, ward, OrgKind.CELL, OLD_NAME);

        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String base = "http://localhost:" + port;

        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys("hn.tochuc");
        driver.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        Browser.screenshot(driver, "rename-01-login");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        Browser.screenshot(driver, "rename-02-home");

        driver.get(base + "/orgs");
        driver.findElement(By.name("q")).sendKeys("lo duc");
        WebElement result = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(OLD_NAME)));
        Browser.screenshot(driver, "rename-03-search");
        result.click();
        wait.until(ExpectedConditions.urlToBe(base + "/orgs/" + cell));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(OLD_NAME);
        Browser.screenshot(driver, "rename-04-organisation");

        driver.findElement(By.cssSelector("[data-bs-target='#form-rename']")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rename-name")));
        name.clear();
        name.sendKeys(NEW_NAME);
        driver.findElement(By.id("rename-decisionNumber")).sendKeys("245-QĐ/ĐU");
        driver.findElement(By.id("rename-decisionIssuer")).sendKeys("Ban Thường vụ Đảng ủy phường Hai Bà Trưng");
        // Keystrokes in a date input follow the browser's locale (headless Chromium shows mm/dd/yyyy
        // even with --lang=vi-VN), so the value is set as the input stores it: ISO yyyy-mm-dd.
        for (String field : new String[] {"rename-decisionDate", "rename-effectiveOn"}) {
            driver.executeScript(
                    "arguments[0].value = arguments[1]",
                    driver.findElement(By.id(field)),
                    DemoOrgs.today().toString());
        }
        Browser.screenshot(driver, "rename-05-form");
        driver.findElement(By.cssSelector("#form-rename button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), NEW_NAME));
        Browser.screenshot(driver, "rename-06-renamed");
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Đã ghi nhận việc đổi tên.");
        String history = driver.findElement(By.cssSelector("section[aria-labelledby='history-title']"))
                .getText();
        assertThat(history)
                .contains(
                        "Đổi tên",
                        "245-QĐ/ĐU",
                        OLD_NAME,
                        DemoOrgs.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(orgs.currentName(cell)).isEqualTo(NEW_NAME);
    }
}
