package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.common.testing.HeadlessChromium;
import io.deskbridge.sync.engine.RunTrigger;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.engine.SyncRun;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

    @Autowired
    private SyncEngine engine;

    private SyncedDesk desk;
    private HeadlessChromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void startChromium() throws IOException {
        desk = SyncedDesk.syncedOnce(connections, engine);
        chromium = new HeadlessChromium();
        driver = chromium.driver();
        wait = chromium.await();
        // Wider than the shared default: the streams table with its charts fits without scrolling.
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterAll
    void quitChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
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
        driver.manage().window().setSize(new Dimension(1280, 1000));
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                .isLessThanOrEqualTo(0L);
        driver.manage().window().setSize(new Dimension(1400, 1000));
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
        chromium.waitForPath(path);
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
