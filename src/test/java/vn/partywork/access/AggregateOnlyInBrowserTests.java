package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.NewAccount;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Browser;
import vn.partywork.web.DemoOrgs;

/**
 * P-AZ-3 in headless Chromium: an aggregate-only reader of a demo ward finds the statistics from the
 * menu, the charts are drawn, small counts show as "<3", and nothing on the page leads to a member.
 */
@PartyworkTest
class AggregateOnlyInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Grants grants;

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
    void theStatisticsPageOfAnAggregateOnlyReader() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long ward = orgs.id("Đảng bộ phường Hoàn Kiếm");
        AccountView user = administration.createForSeeding(
                new NewAccount(
                        Fixtures.unique("baocao"),
                        "Vũ Thị Báo Cáo",
                        AccountType.USER,
                        orgs.id(DemoOrgs.HANOI),
                        null,
                        null,
                        null),
                ApiClient.DEMO_PASSWORD);
        grants.grantForSeeding(new NewGrant(
                user.id(),
                Role.VIEWER,
                ward,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                null,
                null,
                "Phiếu khai thác (trích xuất báo cáo)",
                null,
                true));

        Browser.signIn(browser, url("/login"), user.identifier());
        assertThat(browser.findElement(By.id("statistics-only")).getText()).contains("số liệu thống kê");

        Browser.click(browser, By.linkText("Thống kê đảng viên"));
        List<WebElement> charts = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector(".pw-chart"));
            List<WebElement> done = d.findElements(By.cssSelector(".pw-chart[data-rendered=true]"));
            return !all.isEmpty() && done.size() == all.size() ? done : null;
        });
        assertThat(charts).hasSizeGreaterThanOrEqualTo(9);
        WebElement main = browser.findElement(By.tagName("main"));
        assertThat(main.getText()).contains("Đảng bộ phường Hoàn Kiếm", "chỉ xem số liệu tổng hợp", "<3");
        assertThat(browser.findElement(By.id("aggregate-only-note")).isDisplayed())
                .isTrue();
        List<String> links = main.findElements(By.tagName("a")).stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertThat(links)
                .as("the only link is the statistics' own export")
                .allMatch(href -> href.contains("/members/stats.xlsx"));
        browser.manage().window().setSize(new Dimension(1280, 3000));
        Browser.screenshot(browser, "member-stats-aggregate-only");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(url("/members"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("chỉ được xem số liệu tổng hợp");
        Browser.screenshot(browser, "member-search-aggregate-only-refused");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
