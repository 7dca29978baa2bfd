package vn.partywork.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.document.SampleFiles;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * End to end in headless Chromium, as Hà Nội's organisation staff: open an organisation whose name
 * was recorded with a typo, press "Đề nghị đính chính", correct the name, give the reason, attach
 * the decision as a PDF and send; the request page shows the diff and the evidence.
 */
@PartyworkTest
class CorrectionInBrowserTests {

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
    void staffAskForACorrectionWithEvidenceFromTheOrganisationPage(@TempDir Path dir) throws IOException {
        String suffix = DemoOrgs.uniqueCode("B");
        String typo = "Chi bộ Trình Duyet " + suffix;
        String fixed = "Chi bộ Trình Duyệt " + suffix;
        long cell = DemoOrgs.establish(
                ApiClient.as(port, "hn.tochuc"), new DemoOrgs(jdbc).id(DemoOrgs.HANOI), OrgKind.GRASSROOTS_CELL, typo);
        Path pdf = Files.write(dir.resolve("quyet-dinh-thanh-lap.pdf"), SampleFiles.pdf("trình duyệt " + suffix));

        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys("hn.tochuc");
        driver.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(base + "/orgs/" + cell);
        driver.findElement(By.id("request-correction")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new_name")));
        assertThat(name.getAttribute("value")).isEqualTo(typo);
        name.clear();
        name.sendKeys(fixed);
        driver.findElement(By.id("reason")).sendKeys("Lỗi gõ dấu khi nhập liệu");
        driver.findElement(By.id("evidence")).sendKeys(pdf.toString());
        Browser.screenshot(driver, "correction-01-form");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlMatches(".*/approvals/\\d+$"));
        String page = driver.findElement(By.tagName("main")).getText();
        Browser.screenshot(driver, "correction-02-request");
        assertThat(page)
                .contains(
                        "Đã gửi phiếu yêu cầu chỉnh sửa",
                        typo,
                        fixed,
                        "Lỗi gõ dấu khi nhập liệu",
                        "quyet-dinh-thanh-lap.pdf",
                        "Người đứng đầu đơn vị");
        assertThat(driver.findElements(By.name("action"))).isEmpty();
    }
}
