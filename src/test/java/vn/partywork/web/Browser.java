package vn.partywork.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through ChromeDriver. CI installs both ({@code .ci/run}); on a
 * machine without them browser tests are skipped, never faked.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    public static ChromeDriver start() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("CI") != null && !installed) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (.ci/run)");
        }
        Assumptions.assumeTrue(installed, "Chromium/ChromeDriver not installed; browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--lang=vi-VN");
        // The console, so that tests can see Content-Security-Policy violations (issue 6 item 9).
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Signs in through the login form with the demo password and waits until the form is left
     * ({@code loginUrl}: the test's {@code url("/login")}).
     */
    public static void signIn(ChromeDriver driver, String loginUrl, String identifier) {
        driver.get(loginUrl);
        driver.findElement(By.name("username")).sendKeys(identifier);
        driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Clicks the element after scrolling it to the middle of the window, trying again for a few
     * seconds while something else still covers it (a smooth scroll, a collapsing menu, a slow
     * htmx swap on a loaded machine).
     */
    public static void click(ChromeDriver driver, By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(locator);
                    ((JavascriptExecutor) d)
                            .executeScript(
                                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
                    element.click();
                    return true;
                });
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            // a missing screenshot must not fail the behaviour under test
        }
    }

    /** Console messages since the last call that report a Content-Security-Policy violation. */
    public static List<String> cspViolations(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }
}
