package io.deskbridge.desk.admincenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.common.testing.HeadlessChromium;
import io.deskbridge.desk.apitoken.ApiToken;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.IssuedToken;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

/**
 * The Admin Center findings of the first-hour review (issue 9, item 7) in a real headless Chromium:
 * a wrong password keeps the email and both sign-ins are audited with one address form; times never
 * wrap and show the exact UTC time on hover; the legacy-mode warning shows only while "Any user" is
 * chosen; the rotate page says "rotated" and when the old value stops; webhooks are created, edited,
 * deactivated, revealed and deleted on their page; a favicon is served. Screenshots go to
 * {@code target/screenshots/pages-*}.
 *
 * <p>The properties are the webhook tests' ({@code webhook.FastWebhooks}, private targets allowed),
 * so this shares that test context.
 */
@Tag("h2-only")
@TestPropertySource(
        properties = {
            "desk.webhooks.allow-private-targets=true",
            "desk.webhooks.poll-interval=50ms",
            "desk.webhooks.connect-timeout=1s",
            "desk.webhooks.request-timeout=2s",
            "desk.webhooks.claim-lease=5s",
            "desk.webhooks.backoff-base=100ms",
            "desk.webhooks.backoff-cap=400ms",
            "desk.webhooks.max-attempts=5",
            "desk.webhooks.deactivate-after-failed-events=2"
        })
class AdminCenterPagesBrowserIntegrationTests extends DeskIntegrationTest {

    private static final String TOKENS_PATH = "/admin/apps-integrations/apis/tokens";
    private static final String WEBHOOKS_PATH = "/admin/apps-integrations/webhooks";
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private HeadlessChromium browser;
    private WebDriver driver;

    @BeforeAll
    void startChromium() throws IOException {
        browser = new HeadlessChromium();
        driver = browser.driver();
    }

    @AfterAll
    void quitChromium() throws IOException {
        jdbc.sql("DELETE FROM webhooks").update();
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        driver.get(baseUrl() + "/login");
        driver.manage().deleteAllCookies();
    }

    @Test
    void shouldKeepTheEmailAfterAWrongPasswordAndAuditBothSignIns() {
        driver.get(baseUrl() + "/login");
        browser.waitForPath("/login");
        driver.findElement(By.id("email")).sendKeys(OWNER_EMAIL);
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await().until(d -> d.getCurrentUrl().endsWith("/login?error"));
        browser.screenshot("pages-01-wrong-password");

        assertThat(driver.findElement(By.cssSelector("p.error")).getText()).isEqualTo("Wrong email or password.");
        assertThat(driver.findElement(By.id("email")).getDomProperty("value")).isEqualTo(OWNER_EMAIL);
        assertThat(driver.findElement(By.id("password")).getDomProperty("value"))
                .isEmpty();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("password");

        driver.findElement(By.id("password")).sendKeys(OWNER_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForPath("/admin");

        Map<String, Object> failed = last(auditEntries("user.sign_in_failed"));
        assertThat(failed.get("source_label")).isEqualTo(OWNER_EMAIL);
        assertThat(failed.get("actor_id")).isNull();
        assertThat(failed.get("ip_address")).isEqualTo("127.0.0.1");
        assertThat(failed.get("change_description"))
                .isEqualTo("Failed sign-in as " + OWNER_EMAIL + " from 127.0.0.1: wrong email or password");
        Map<String, Object> signedIn = last(auditEntries("user.signed_in"));
        assertThat(((Number) signedIn.get("actor_id")).longValue()).isEqualTo(owner().id());
        assertThat(signedIn.get("change_description")).isEqualTo(OWNER_EMAIL + " signed in (admin) from 127.0.0.1");
        assertThat(((Number) signedIn.get("id")).longValue()).isGreaterThan(((Number) failed.get("id")).longValue());

        // The audit log page: both events, one address form, times that never wrap.
        driver.get(baseUrl() + "/admin/audit-log");
        browser.waitForPath("/admin/audit-log");
        browser.screenshot("pages-02-audit-log");
        // The sign-in rows only: other classes on this shared context write audit entries too, some
        // while their test clock stood ahead (the page orders by time), so theirs may come first.
        List<WebElement> rows = driver.findElements(By.cssSelector("#audit tbody tr")).stream()
                .filter(row -> Set.of("user.signed_in", "user.sign_in_failed")
                        .contains(row.findElement(By.cssSelector("code")).getText()))
                .toList();
        assertThat(rows.get(0).findElement(By.cssSelector("code")).getText()).isEqualTo("user.signed_in");
        assertThat(rows.get(1).findElement(By.cssSelector("code")).getText()).isEqualTo("user.sign_in_failed");
        assertThat(rows.get(1).findElements(By.tagName("td")).get(2).getText()).isEqualTo("127.0.0.1");
        assertThat(driver.getPageSource()).doesNotContain("0:0:0:0:0:0:0:1");
        List<WebElement> times = driver.findElements(By.cssSelector("#audit time"));
        assertThat(times).isNotEmpty();
        for (WebElement time : times) {
            assertThat(time.getCssValue("white-space")).isEqualTo("nowrap");
            assertThat(time.getDomAttribute("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
            assertThat(time.getText()).doesNotContain("T").doesNotEndWith("Z");
        }
    }

    @Test
    void shouldShowTheLegacyWarningOnlyWhileAnyUserIsChosen() {
        signIn();
        driver.get(baseUrl() + TOKENS_PATH + "/new");
        browser.waitForPath(TOKENS_PATH + "/new");
        WebElement warning = driver.findElement(By.id("legacy-warning"));
        assertThat(driver.findElement(By.cssSelector("input[name=authenticatesAs][value=owner]"))
                        .isSelected())
                .isTrue();
        assertThat(warning.isDisplayed()).isFalse();

        driver.findElement(By.cssSelector("input[name=authenticatesAs][value=any_user]"))
                .click();
        assertThat(warning.isDisplayed()).isTrue();
        browser.screenshot("pages-03-legacy-warning");

        driver.findElement(By.cssSelector("input[name=authenticatesAs][value=owner]"))
                .click();
        assertThat(warning.isDisplayed()).isFalse();
    }

    @Test
    void shouldSayRotatedAndWhenTheOldValueStops() {
        IssuedToken issued = issue(
                owner(),
                TokenScope.FULL,
                AuthenticatesAs.OWNER_ONLY,
                Instant.now(clock).plus(Duration.ofDays(30)));
        long id = issued.token().id();
        signIn();

        rotate(id, "24");
        ApiToken rotated = tokens.get(id);
        assertThat(rotated.previousValueValidUntil()).isNotNull();
        String notice = driver.findElement(By.id("rotated")).getText();
        browser.screenshot("pages-04-rotated-with-grace");
        assertThat(notice)
                .startsWith("Token rotated.")
                .contains("The previous value keeps working until " + EXACT.format(rotated.previousValueValidUntil())
                        + " (in 24 hours), then stops");
        assertThat(driver.findElement(By.id("token-value")).getDomProperty("value"))
                .isNotBlank();
        SecretLedger.issued(driver.findElement(By.id("token-value")).getDomProperty("value"));

        rotate(id, "0");
        assertThat(driver.findElement(By.id("rotated")).getText())
                .isEqualTo("Token rotated. The previous value stopped working at once.");
        SecretLedger.issued(driver.findElement(By.id("token-value")).getDomProperty("value"));

        // A reload of the one-time page shows neither the value nor the rotate notice.
        driver.navigate().refresh();
        browser.waitForPath(TOKENS_PATH + "/" + id + "/issued");
        assertThat(driver.findElements(By.id("rotated"))).isEmpty();
        assertThat(driver.findElements(By.id("token-value"))).isEmpty();
    }

    @Test
    void shouldCreateEditDeactivateRevealAndDeleteAWebhookOnItsPage() {
        String auth = ownerAuth();
        String password = SecretLedger.issued("Hook-" + UUID.randomUUID());
        signIn();
        driver.get(baseUrl() + WEBHOOKS_PATH);
        browser.waitForPath(WEBHOOKS_PATH);
        driver.findElement(By.id("add-webhook")).click();
        browser.waitForPath(WEBHOOKS_PATH + "/new");
        driver.findElement(By.id("name")).sendKeys("Order system");
        WebElement endpoint = driver.findElement(By.id("endpoint"));
        endpoint.clear();
        endpoint.sendKeys("http://127.0.0.1:9/orders");
        driver.findElement(By.cssSelector("input[name=subscriptions][value='zen:event-type:ticket.created']"))
                .click();
        driver.findElement(By.cssSelector("input[name=authType][value=basic_auth]"))
                .click();
        driver.findElement(By.id("authPublic")).sendKeys("deskbridge");
        driver.findElement(By.id("authCredential")).sendKeys(password);
        browser.screenshot("pages-05-webhook-form");
        driver.findElement(By.cssSelector("#webhook-form button[type=submit]")).click();
        browser.await().until(d -> browser.currentPath().matches(WEBHOOKS_PATH + "/\\d+"));
        String id = browser.currentPath().substring(WEBHOOKS_PATH.length() + 1);
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).startsWith("Webhook created.");

        Response created = api.get("/api/v2/webhooks/" + id, auth);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/webhook/name").asString()).isEqualTo("Order system");
        assertThat(created.json().at("/webhook/endpoint").asString()).isEqualTo("http://127.0.0.1:9/orders");
        assertThat(created.json().at("/webhook/status").asString()).isEqualTo("active");
        assertThat(created.json().at("/webhook/subscriptions/0").asString()).isEqualTo("zen:event-type:ticket.created");
        assertThat(created.json().at("/webhook/authentication/type").asString()).isEqualTo("basic_auth");
        assertThat(created.json().at("/webhook/authentication/data/username").asString())
                .isEqualTo("deskbridge");
        String sealedCredential = storedCredential(id);
        assertThat(sealedCredential).isNotNull();

        // Edit: the credential field starts empty and, left empty, keeps the stored credential.
        driver.findElement(By.id("edit-webhook")).click();
        browser.waitForPath(WEBHOOKS_PATH + "/" + id + "/edit");
        assertThat(driver.findElement(By.id("authCredential")).getDomProperty("value"))
                .isEmpty();
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Order system (EU)");
        driver.findElement(By.cssSelector("#webhook-form button[type=submit]")).click();
        browser.waitForPath(WEBHOOKS_PATH + "/" + id);
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Webhook saved.");
        Response edited = api.get("/api/v2/webhooks/" + id, auth);
        assertThat(edited.json().at("/webhook/name").asString()).isEqualTo("Order system (EU)");
        assertThat(edited.json().at("/webhook/authentication/type").asString()).isEqualTo("basic_auth");
        assertThat(storedCredential(id)).isEqualTo(sealedCredential);

        driver.findElement(By.id("deactivate-webhook")).click();
        browser.waitForPath(WEBHOOKS_PATH + "/" + id);
        assertThat(api.get("/api/v2/webhooks/" + id, auth)
                        .json()
                        .at("/webhook/status")
                        .asString())
                .isEqualTo("inactive");
        assertThat(driver.findElements(By.id("activate-webhook"))).hasSize(1);

        driver.findElement(By.id("reveal-secret")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("signing-secret")));
        browser.screenshot("pages-06-webhook-detail");
        Response secret = api.get("/api/v2/webhooks/" + id + "/signing_secret", auth);
        assertThat(secret.status()).isEqualTo(200);
        assertThat(driver.findElement(By.id("signing-secret")).getDomProperty("value"))
                .isEqualTo(secret.json().at("/signing_secret/secret").asString());

        driver.get(baseUrl() + WEBHOOKS_PATH + "/" + id);
        browser.waitForPath(WEBHOOKS_PATH + "/" + id);
        driver.findElement(By.id("delete-webhook")).click();
        browser.await().until(ExpectedConditions.alertIsPresent());
        driver.switchTo().alert().accept();
        browser.waitForPath(WEBHOOKS_PATH);
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Webhook deleted.");
        assertThat(api.get("/api/v2/webhooks/" + id, auth).status()).isEqualTo(404);
    }

    @Test
    void shouldServeAFaviconThatEveryPageLinks() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).isIn("image/x-icon", "image/vnd.microsoft.icon"));
        assertThat(icon.body()).startsWith(0, 0, 1, 0);

        driver.get(baseUrl() + "/login");
        browser.waitForPath("/login");
        assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href"))
                .isEqualTo("/favicon.ico");
        Object loaded = ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[0];"
                        + " fetch('/favicon.ico').then(r => done(r.status)).catch(e => done(String(e)));");
        assertThat(loaded).isEqualTo(200L);
    }

    private void signIn() {
        driver.get(baseUrl() + "/login");
        browser.waitForPath("/login");
        driver.findElement(By.id("email")).sendKeys(OWNER_EMAIL);
        driver.findElement(By.id("password")).sendKeys(OWNER_PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForPath("/admin");
    }

    private void rotate(long id, String graceHours) {
        driver.get(baseUrl() + TOKENS_PATH + "/" + id);
        browser.waitForPath(TOKENS_PATH + "/" + id);
        new Select(driver.findElement(By.id("graceHours"))).selectByValue(graceHours);
        driver.findElement(By.xpath("//button[normalize-space()='Rotate token']"))
                .click();
        browser.waitForPath(TOKENS_PATH + "/" + id + "/issued");
    }

    private String storedCredential(String webhookId) {
        return jdbc.sql("SELECT auth_sealed FROM webhooks WHERE id = :id")
                .param("id", Long.parseLong(webhookId))
                .query(String.class)
                .single();
    }

    private static Map<String, Object> last(List<Map<String, Object>> entries) {
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }
}
