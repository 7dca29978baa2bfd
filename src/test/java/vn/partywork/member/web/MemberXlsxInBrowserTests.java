package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberSheets;
import vn.partywork.member.MemberTestData;
import vn.partywork.member.internal.xlsx.MemberColumns;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * Headless Chromium: the staff narrow the search with the organisation picker and see the export
 * button; then upload a file with a bad row in "valid rows" mode, watch the job finish, read the
 * error table and download the error report.
 */
@PartyworkTest
class MemberXlsxInBrowserTests {

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
    void staffPickAnOrganisationThenUploadAFileWithAnErrorSeeTheTableAndDownloadTheReport() throws Exception {
        login("hn.tochuc");
        browser.get(url("/members"));
        browser.findElement(By.id("org-q")).sendKeys("hoan kiem");
        WebElement match = wait(By.cssSelector("#org-results button"));
        assertThat(match.getText()).contains("Đảng bộ phường Hoàn Kiếm", "Trực thuộc:");
        match.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("org-chosen"), "Hoàn Kiếm"));
        // The search runs again with the organisation (its export link carries it): only the ward's cells.
        String ward = "org=" + new DemoOrgs(jdbc).id("Đảng bộ phường Hoàn Kiếm");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> String.valueOf(d.findElement(By.id("member-export")).getDomAttribute("href"))
                        .contains(ward));
        List<String> cells = browser.findElements(By.cssSelector("#member-results tbody tr td:nth-child(4)")).stream()
                .map(WebElement::getText)
                .distinct()
                .toList();
        assertThat(cells).isNotEmpty();
        assertThat(List.of("Chi bộ Tổ dân phố Hàng Bạc", "Chi bộ Tổ dân phố Hàng Đào"))
                .containsAll(cells);
        Browser.screenshot(browser, "members-search-org-picker-export");

        List<String> headers =
                MemberColumns.template().stream().map(MemberColumns::header).toList();
        long hangDao = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào");
        Map<String, String> bad = MemberSheets.member(hangDao, "Trịnh Văn Trình Duyệt", "001080");
        byte[] xlsx = MemberSheets.sheet(
                headers,
                List.of(
                        MemberSheets.row(
                                headers,
                                MemberSheets.member(hangDao, "Trịnh Văn Hợp Lệ", MemberTestData.citizenId(1980))),
                        MemberSheets.row(headers, bad)));
        Path file = Files.createTempFile("nhap-dang-vien-", ".xlsx");
        Files.write(file, xlsx);

        browser.get(url("/members/import"));
        Browser.screenshot(browser, "members-import-form");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("mode-valid")).click();
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Đã nhập xong", "Số đảng viên đã nhập", "Số căn cước công dân");
        assertThat(browser.findElement(By.id("import-errors")).getText())
                .contains("3", "001080", "Số căn cước công dân phải gồm 12 chữ số");
        assertThat(browser.findElement(By.id("rows-imported")).getText()).isEqualTo("1");
        Browser.screenshot(browser, "members-import-errors");

        // The report, fetched by the page's own link in the signed-in browser.
        String href = browser.findElement(By.id("import-report")).getDomAttribute("href");
        Object base64 = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                });
                """, href);
        byte[] report = Base64.getDecoder().decode(String.valueOf(base64));
        assertThat(MemberSheets.read(report).get("Lỗi").toString())
                .contains("Số căn cước công dân", "001080", "member.citizenId.invalid");
        Files.deleteIfExists(file);
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
