package vn.partywork.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Browser;

/**
 * End to end in headless Chromium as the central organisation staff: the year 2027 on a desktop
 * and on a phone-sized window, then a bridge day entered through the form and shown in the grid.
 * Screenshots land in target/screenshots (calendar-*.png) for a person to look at.
 */
@PartyworkTest
class CalendarInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    WorkingDayCalendar calendar;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void centralStaffSeeTheYearAndEnterABridgeDay() {
        // 2038: 30/4 is a Friday, 1/5 a Saturday (compensated on Monday 3/5); Thursday 29/4 is
        // given off as a bridge day and made up on Saturday 8/5.
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys("tw.tochuc");
        driver.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(base + "/calendar?year=2027");
        WebElement tet = driver.findElement(By.cssSelector("td[data-date='2027-02-06']"));
        assertThat(tet.getAttribute("class")).contains("pw-cal-holiday");
        assertThat(tet.getText()).contains("6").contains("1/1");
        Browser.screenshot(driver, "calendar-01-year-desktop");

        driver.get(base + "/calendar?year=2038");
        click(driver.findElement(By.cssSelector("[data-bs-target='#override-form']")));
        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decisionNumber")));
        number.sendKeys("1111/TB-BNV");
        setDate("decisionDate", "2025-12-01");
        driver.findElement(By.id("decisionIssuer")).sendKeys("Bộ Nội vụ");
        setDate("days0.date", "2038-04-30");
        show(number);
        Browser.screenshot(driver, "calendar-03-form");
        // 30/4/2038 is a Friday and already a holiday: refused with the reason next to the form.
        click(driver.findElement(By.cssSelector("#override-form button[type=submit]")));
        WebElement error = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#override-form .alert-danger")));
        assertThat(error.getText()).contains("30/04/2038 vốn đã là ngày nghỉ");
        show(error);
        Browser.screenshot(driver, "calendar-04-refused");

        setDate("days0.date", "2038-04-29");
        setDate("days1.date", "2038-05-08");
        new Select(driver.findElement(By.id("days1.kind"))).selectByValue("WORKING");
        click(driver.findElement(By.cssSelector("#override-form button[type=submit]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.cssSelector("td[data-date='2038-04-29']"))
                        .getAttribute("class"))
                .contains("pw-cal-off");
        assertThat(driver.findElement(By.cssSelector("td[data-date='2038-05-08']"))
                        .getAttribute("class"))
                .contains("pw-cal-working");
        show(driver.findElement(By.id("overrides")));
        Browser.screenshot(driver, "calendar-05-saved");
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2038, 4, 29))).isFalse();

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "/calendar?year=2027");
        Browser.screenshot(driver, "calendar-02-year-phone");
        long overflow = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        show(driver.findElement(By.id("days-off")));
        Browser.screenshot(driver, "calendar-06-list-phone");
    }

    /** Scrolls at once (Bootstrap turns on smooth scrolling, which a screenshot or click would overtake). */
    private void show(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "document.documentElement.style.scrollBehavior = 'auto'; arguments[0].scrollIntoView({block: 'start'});",
                        element);
    }

    private void click(WebElement element) {
        show(element);
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(element))
                .click();
    }

    /** Date inputs take their value in the browser's locale format; set it the way the form posts it. */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }
}
