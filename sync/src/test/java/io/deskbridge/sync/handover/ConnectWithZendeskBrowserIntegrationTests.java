package io.deskbridge.sync.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.common.testing.HeadlessChromium;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.AuthType;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskAdmin.IssuedOAuthClient;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, done-when 3, in a real (headless) Chromium: the Zendesk admin opens sync's request link,
 * presses "Connect with Zendesk", signs in to desk on the way (desk's consent page asks the signed-in
 * user), allows the client on desk's consent page and lands back on sync; then the operator's
 * diagnostics pass with the OAuth tokens and a sync run copies desk's tickets with them. Both pages
 * forbid inline scripts (CSP), and each page's {@code form-action} must allow the way to the other
 * origin. The browser does the same on any database, so this runs on H2 only; the error cases run on
 * both in {@link ConnectWithZendeskIntegrationTests}.
 */
@Tag("h2-only")
class ConnectWithZendeskBrowserIntegrationTests extends SyncIntegrationTest {

    private DeskProcess desk;
    private DeskAdmin deskAdmin;
    private HeadlessChromium chromium;

    @BeforeAll
    void start() throws IOException {
        desk = DeskProcess.shared();
        deskAdmin = desk.admin();
        // The sandbox clock: desk's exports serve a change after 2 s, so the run below sees the ticket.
        deskAdmin.plan("enterprise", true);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldConnectThroughDesksConsentPageThenPassDiagnosticsAndSync() {
        String marker = "oauth" + UUID.randomUUID().toString().substring(0, 8);
        long ticketId = deskAdmin
                .call(
                        "POST",
                        "/api/v2/tickets",
                        Map.of("ticket", Map.of("subject", marker + " ticket", "comment", Map.of("body", "Hello"))))
                .path("ticket")
                .path("id")
                .asLong();
        IssuedOAuthClient client = deskAdmin.createOAuthClient(
                "sync-browser-" + UUID.randomUUID().toString().substring(0, 8),
                "confidential",
                baseUrl() + LinkUrls.CALLBACK_PATH);
        Connection connection =
                connections.create(new NewConnection("OAuth desk " + marker, desk.baseUrl()), Actor.system());
        Response created = api.send(
                "POST",
                "/api/connections/" + connection.id() + "/request-links",
                operatorAuth(),
                SyncClient.json(
                        Map.of("oauth_client", Map.of("identifier", client.identifier(), "secret", client.secret()))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("request_link").get("url").asString();
        SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
        WebDriver browser = chromium.driver();

        // The Zendesk admin opens the link and presses the button.
        browser.get(url);
        chromium.waitForPath(URI.create(url).getPath());
        assertThat(browser.findElement(By.id("oauth-client")).getText()).isEqualTo(client.identifier());
        chromium.screenshot("connect-01-request-link");
        browser.findElement(By.id("connect-with-zendesk")).click();

        // desk asks for sign-in first, then shows its consent page for the client.
        chromium.waitForPath("/login");
        assertThat(origin(browser.getCurrentUrl())).isEqualTo(desk.baseUrl());
        browser.findElement(By.id("email")).sendKeys(DeskProcess.ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys(DeskProcess.ADMIN_PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        chromium.waitForPath("/oauth/authorizations/new");
        WebElement consent = browser.findElement(By.id("consent"));
        assertThat(consent.findElement(By.tagName("h1")).getText())
                .isEqualTo("Deskbridge sync " + client.identifier() + " wants to access your Deskbridge account");
        assertThat(consent.findElements(By.cssSelector("#scopes code")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("read", "write");
        chromium.screenshot("connect-02-desk-consent");
        browser.findElement(By.id("approve")).click();

        // Back in sync: the link is used up and the tokens are stored.
        chromium.waitForPath(LinkUrls.CALLBACK_PATH);
        assertThat(origin(browser.getCurrentUrl())).isEqualTo(baseUrl());
        assertThat(browser.findElement(By.id("connected")).getText())
                .startsWith("Connected. Deskbridge sync received OAuth tokens for " + desk.baseUrl());
        chromium.screenshot("connect-03-connected");
        assertThat(connections.get(connection.id()).authType()).isEqualTo(AuthType.OAUTH);
        OAuthCredential oauth =
                (OAuthCredential) connections.credential(connection.id()).orElseThrow();
        SecretLedger.issued(oauth.accessToken());
        SecretLedger.issued(oauth.refreshToken());
        assertThat(browser.getPageSource()).doesNotContain(oauth.accessToken()).doesNotContain(client.secret());

        // The operator tests the connection: every check passes with the OAuth token.
        JsonNode report = api.send("POST", "/api/connections/" + connection.id() + "/diagnostics", operatorAuth(), null)
                .json()
                .get("diagnostics");
        assertThat(report.get("verdict").asString()).as(report.toString()).isEqualTo("pass");

        // And a sync runs with it, copying the ticket made for this test.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            syncAndWait(connection.id());
            JsonNode tickets = api.get(
                            "/api/connections/" + connection.id() + "/tickets?query=" + marker, operatorAuth())
                    .json()
                    .get("tickets");
            List<Long> ids =
                    tickets.valueStream().map(t -> t.get("id").asLong()).toList();
            if (ids.contains(ticketId)) {
                break;
            }
            assertThat(System.nanoTime())
                    .as("desk's export serves ticket " + ticketId + " to the OAuth connection within 90 s")
                    .isLessThan(deadline);
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
