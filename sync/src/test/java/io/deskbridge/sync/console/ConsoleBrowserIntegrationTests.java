package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.engine.RunTrigger;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.engine.SyncRun;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator in a real (headless) Chromium, where the CSP forbids every script: signs in, goes from
 * the connections list to a synced connection, sees the streams table and the records-per-minute
 * charts drawn as inline SVG, and pushes "Sync now". Screenshots go to {@code target/screenshots}.
 * The pages do not depend on the database, so this runs on H2 only.
 */
@Tag("h2-only")
class ConsoleBrowserIntegrationTests extends SyncIntegrationTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    private SyncEngine engine;

    private SyncedDesk desk;
    private Path userDataDir;
    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void startChromium() throws IOException {
        desk = SyncedDesk.syncedOnce(connections, engine);
        // No Selenium Manager, no downloads: the browser and its driver are given explicitly.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        userDataDir = Files.createTempDirectory("sync-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--window-size=1400,1000",
                "--user-data-dir=" + userDataDir);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void quitChromium() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (userDataDir != null) {
                try (Stream<Path> files = Files.walk(userDataDir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void shouldShowTheStreamsWithChartsAndSyncNow() {
        long id = desk.connection.id();
        int runsBefore = engine.runs(id).size();

        driver.get(baseUrl() + "/connections");
        waitForPath("/login");
        driver.findElement(By.id("email")).sendKeys(OPERATOR_EMAIL);
        driver.findElement(By.id("password")).sendKeys(OPERATOR_PASSWORD);
        driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        waitForPath("/connections");
        driver.findElement(By.linkText(desk.connection.name())).click();
        waitForPath("/connections/" + id);

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(desk.connection.name());
        List<WebElement> rows = driver.findElements(By.cssSelector("table#streams tbody tr"));
        assertThat(rows.stream().map(r -> r.getDomAttribute("data-stream")).toList())
                .containsExactly("tickets", "users", "organizations", "ticket_comments");
        WebElement tickets = rows.get(0);
        assertThat(Long.parseLong(
                        tickets.findElement(By.cssSelector("td.records")).getText()))
                .isEqualTo(engine.streams(id).get(0).records());
        WebElement chart = tickets.findElement(By.cssSelector("svg.rpm"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getSize().getWidth()).isEqualTo(RecordsChart.WIDTH);
        assertThat(chart.getSize().getHeight()).isEqualTo(RecordsChart.HEIGHT);
        List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
        assertThat(bars).isNotEmpty();
        assertThat(bars.stream()
                        .mapToLong(b -> Long.parseLong(b.getDomAttribute("data-records")))
                        .sum())
                .isEqualTo(engine.streams(id).get(0).recordsPerMinute().stream()
                        .mapToLong(m -> m.records())
                        .sum());
        assertThat(bars.get(0).getSize().getHeight()).isPositive();
        screenshot("console-01-connection");

        driver.findElement(By.id("sync-now")).click();
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        screenshot("console-02-sync-requested");

        assertThat(notice.getText()).startsWith("Sync requested: ");

        // Runs are active: the page refreshes its streams itself, without a reload (issue 9, item 6).
        assertThat(driver.findElement(By.id("live-status")).getText())
                .isEqualTo("Runs are active: this page refreshes itself every 3 s.");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__notReloaded = 42;");
        String statesAtLoad = streamStates();
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .until(d -> !streamStates().equals(statesAtLoad));
        assertThat(js.executeScript("return window.__notReloaded;")).isEqualTo(42L);
        screenshot("console-02b-refreshed");
        List<SyncRun> runs = engine.runs(id);
        assertThat(runs).hasSize(runsBefore + 4);
        List<SyncRun> queued = runs.subList(0, 4);
        assertThat(queued).allSatisfy(r -> assertThat(r.trigger()).isEqualTo(RunTrigger.MANUAL));
        Set<String> named = queued.stream().map(r -> "run " + r.id()).collect(Collectors.toSet());
        assertThat(named).allSatisfy(n -> assertThat(notice.getText()).contains(n));

        // One time format: relative words, the exact UTC time on hover.
        WebElement received = driver.findElement(By.cssSelector("#received-at time"));
        assertThat(received.getDomAttribute("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(received.getText()).matches("just now|\\d+ (minute|hour|day)s? ago|on \\d{4}-\\d\\d-\\d\\d");
        // The chart's axes are labelled: the busiest minute, and the hour it covers.
        // (Read in one script call: the live refresh may replace the streams table meanwhile.)
        String yLabel = (String) js.executeScript(
                "return document.querySelector('tr[data-stream=tickets] figure.rpm-chart .y-label').textContent;");
        String xLabels = (String) js.executeScript("return Array.from(document.querySelectorAll("
                + "'tr[data-stream=tickets] figure.rpm-chart figcaption span')).map(s => s.textContent).join('|');");
        assertThat(yLabel).matches("\\d+ / min");
        assertThat(xLabels).isEqualTo("60 min ago|now");

        driver.findElement(By.linkText("Runs")).click();
        waitForPath("/connections/" + id + "/runs");
        // At 1280 px the runs table scrolls inside its box; the page itself does not overflow.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                .isLessThanOrEqualTo(0L);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        assertThat(driver.findElements(By.cssSelector("table#runs tbody tr"))).hasSize(runsBefore + 4);
        assertThat(driver.findElement(By.cssSelector("table#runs tbody tr")).getDomAttribute("id"))
                .isEqualTo("run-" + queued.get(0).id());
        screenshot("console-03-runs");
        driver.findElement(By.linkText("Synced tickets")).click();
        waitForPath("/connections/" + id + "/tickets");
        screenshot("console-04-tickets");
        assertThat(driver.getPageSource()).doesNotContain(desk.token);
        // The new runs share the desk's export budget with later tests: stop them after their first page.
        engine.pause(id);
    }

    /**
     * Each stream's state as the page shows it now, e.g. "tickets=queued,users=running,…", read in one
     * script call: the live refresh may replace the table between two WebDriver calls.
     */
    private String streamStates() {
        return (String) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('table#streams tbody tr'))"
                        + ".map(r => r.dataset.stream + '=' + r.dataset.state).join(',');");
    }

    private void waitForPath(String path) {
        wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    private void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            shot.delete();
        }
    }
}
