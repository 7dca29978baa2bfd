package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.Browser;

/**
 * The statistics page in headless Chromium: the Hà Nội staff open it from the menu, every chart is
 * drawn from the table under it (ECharts served from the webjar, the script from a static file),
 * and choosing another organisation redraws the figures of that subtree.
 */
@PartyworkTest
class MemberStatsInBrowserTests {

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
    void theChartsAreDrawnFromTheTablesOfTheChosenOrganisation() {
        Browser.signIn(browser, url("/login"), "hn.tochuc");

        browser.findElement(By.id("members-menu")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.linkText("Thống kê")).isDisplayed());
        browser.findElement(By.linkText("Thống kê")).click();
        List<WebElement> charts = rendered();
        assertThat(charts).hasSizeGreaterThanOrEqualTo(9);
        for (WebElement chart : charts) {
            assertThat(chart.findElements(By.tagName("svg")))
                    .as("chart %s", chart.getAttribute("data-table"))
                    .isNotEmpty();
        }
        String total = browser.findElement(By.id("stats-total")).getText();
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Đảng bộ Thành phố Hà Nội", "Theo giới tính", "Theo dân tộc", "Kinh", "Kết nạp mới");
        // The gender chart's legend shows the labels of its table.
        assertThat(browser.findElement(By.cssSelector("[data-table='t-gender'] svg"))
                        .getText())
                .contains("Nam", "Nữ");
        browser.manage().window().setSize(new Dimension(1280, 3000));
        Browser.screenshot(browser, "member-stats");
        browser.manage().window().setSize(new Dimension(1280, 900));

        new Select(browser.findElement(By.id("org"))).selectByVisibleText("Đảng bộ phường Hoàn Kiếm");
        browser.findElement(By.cssSelector("form[aria-label] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("org="));
        rendered();
        assertThat(browser.findElement(By.id("stats-total")).getText()).isNotEqualTo(total);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Đảng bộ phường Hoàn Kiếm, tính đến ngày");
        Browser.screenshot(browser, "member-stats-hoankiem");
    }

    private List<WebElement> rendered() {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector(".pw-chart"));
            List<WebElement> done = d.findElements(By.cssSelector(".pw-chart[data-rendered=true]"));
            return !all.isEmpty() && done.size() == all.size() ? done : null;
        });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
