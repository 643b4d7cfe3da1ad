package io.deskbridge.sync.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.AuthType;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskAdmin.IssuedOAuthClient;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Connect with Zendesk" over real HTTP against desk in its own JVM: the operator gives a request
 * link desk's OAuth client, the Zendesk admin presses the button, desk's consent page (the desk admin
 * signed in over its session) approves or denies, and sync's callback takes the answer. The happy path
 * and every way back that must not store anything: denied, unknown, reused and expired state, a
 * refused code exchange. The browser walk is {@code ConnectWithZendeskBrowserIntegrationTests}.
 */
class ConnectWithZendeskIntegrationTests extends SyncIntegrationTest {

    private DeskAdmin deskAdmin;
    private IssuedOAuthClient client;

    @BeforeAll
    void oauthClientOnDesk() {
        deskAdmin = DeskProcess.shared().admin();
        client = deskAdmin.createOAuthClient(
                "sync-connect-" + UUID.randomUUID().toString().substring(0, 8),
                "confidential",
                baseUrl() + LinkUrls.CALLBACK_PATH);
    }

    /** A link as the operator received it; {@code token} is registered as a secret. */
    private record Link(long id, long connectionId, String path, JsonNode json) {}

    private Connection deskConnection() {
        return connections.create(
                new NewConnection(
                        "Desk " + UUID.randomUUID().toString().substring(0, 8),
                        DeskProcess.shared().baseUrl()),
                Actor.system());
    }

    private Link newLink(long connectionId, String clientId, String secret) {
        Map<String, Object> oauth = new LinkedHashMap<>();
        oauth.put("identifier", clientId);
        if (secret != null) {
            oauth.put("secret", secret);
        }
        Response response = api.send(
                "POST",
                "/api/connections/" + connectionId + "/request-links",
                operatorAuth(),
                SyncClient.json(Map.of("oauth_client", oauth)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode json = response.json().get("request_link");
        String url = json.get("url").asString();
        String token = SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
        return new Link(json.get("id").asLong(), connectionId, "/handover/" + token, json);
    }

    private Link newLink(long connectionId) {
        return newLink(connectionId, client.identifier(), client.secret());
    }

    /** Opens the link and presses "Connect with Zendesk"; returns the consent URL sync sent the browser to. */
    private static String pressConnect(SyncClient browser, Link link) {
        Response page = browser.get(link.path());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"connect-with-zendesk\"");
        Response pressed =
                browser.form(link.path(), Map.of("_csrf", SyncClient.csrfFrom(page.body()), "kind", "connect"));
        assertThat(pressed.status()).as(pressed.body()).isEqualTo(303);
        return pressed.header("Location");
    }

    /** Follows desk's redirect back to sync's callback in {@code browser}. */
    private Response back(SyncClient browser, URI redirect) {
        assertThat(redirect.toString()).startsWith(baseUrl() + LinkUrls.CALLBACK_PATH + "?");
        return browser.get(redirect.getRawPath() + "?" + redirect.getRawQuery());
    }

    private List<JsonNode> audit(long connectionId, String event) {
        JsonNode entries = api.get("/api/audit?connection_id=" + connectionId, operatorAuth())
                .json()
                .get("audit_log");
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.get("event").asString().equals(event))
                .toList();
    }

    private String linkStatus(Link link) {
        JsonNode links = api.get("/api/connections/" + link.connectionId() + "/request-links", operatorAuth())
                .json()
                .get("request_links");
        return StreamSupport.stream(links.spliterator(), false)
                .filter(l -> l.get("id").asLong() == link.id())
                .findFirst()
                .orElseThrow()
                .get("status")
                .asString();
    }

    @Nested
    class Offering {

        @Test
        void shouldSealTheClientSecretAndShowOnlyTheIdentifier() {
            Link link = newLink(deskConnection().id());

            assertThat(link.json().get("oauth_client_id").asString()).isEqualTo(client.identifier());
            assertThat(everyStoredValue()).noneMatch(v -> v.contains(client.secret()));
            Response page = SyncClient.browser(baseUrl()).get(link.path());
            assertThat(page.body())
                    .contains("<code id=\"oauth-client\">" + client.identifier() + "</code>")
                    .doesNotContain(client.secret());
            URI desk = URI.create(DeskProcess.shared().baseUrl());
            assertThat(page.header("Content-Security-Policy"))
                    .contains("form-action 'self' http://" + desk.getRawAuthority() + ";");
        }

        @Test
        void shouldSendTheBrowserToTheConsentPageWithStateAndAnS256Challenge() {
            Link link = newLink(deskConnection().id());

            URI consent = URI.create(pressConnect(SyncClient.browser(baseUrl()), link));

            assertThat(consent.getScheme() + "://" + consent.getRawAuthority() + consent.getRawPath())
                    .isEqualTo(DeskProcess.shared().baseUrl() + "/oauth/authorizations/new");
            assertThat(consent.getRawQuery())
                    .matches("response_type=code&client_id=" + client.identifier() + "&redirect_uri="
                            + java.net.URLEncoder.encode(
                                            baseUrl() + LinkUrls.CALLBACK_PATH, java.nio.charset.StandardCharsets.UTF_8)
                                    .replace(".", "\\.")
                            + "&scope=read\\+write&state=[A-Za-z0-9_-]{43}&code_challenge=[A-Za-z0-9_-]{43}"
                            + "&code_challenge_method=S256");
            assertThat(linkStatus(link)).isEqualTo("open");
        }

        @Test
        void shouldOfferNoButtonAndNoRedirectWithoutAClient() {
            long id = deskConnection().id();
            Response created = api.send("POST", "/api/connections/" + id + "/request-links", operatorAuth(), null);
            String url = created.json().get("request_link").get("url").asString();
            String path = "/handover/" + SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
            assertThat(created.json().get("request_link").has("oauth_client_id"))
                    .isFalse();
            SyncClient browser = SyncClient.browser(baseUrl());
            Response page = browser.get(path);
            assertThat(page.body()).doesNotContain("connect-with-zendesk");

            Response pressed = browser.form(path, Map.of("_csrf", SyncClient.csrfFrom(page.body()), "kind", "connect"));

            assertThat(pressed.status()).isEqualTo(200);
            assertThat(pressed.body()).contains("name=\"api_token\"");
        }

        @Test
        void shouldLetTheOperatorGiveTheClientInTheConsole() {
            long id = deskConnection().id();
            SyncClient operator = SyncClient.browser(baseUrl());
            assertThat(operator.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD).status())
                    .isEqualTo(302);
            Response page = operator.get("/connections/" + id);
            assertThat(page.body()).contains("id=\"oauth-client-id\"");
            String csrf = SyncClient.csrfFrom(page.body());

            Response refused = operator.form(
                    "/connections/" + id + "/request-links",
                    Map.of("_csrf", csrf, "oauth_client_id", "two words", "oauth_client_secret", client.secret()));
            Response issued = operator.form(
                    "/connections/" + id + "/request-links",
                    Map.of(
                            "_csrf",
                            csrf,
                            "oauth_client_id",
                            client.identifier(),
                            "oauth_client_secret",
                            client.secret()));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("No request link was created")
                    .contains("OAuth client identifier: must be one word of at most 255 printable ASCII characters");
            assertThat(issued.status()).isEqualTo(200);
            assertThat(issued.body())
                    .contains("<code>" + client.identifier() + "</code>")
                    .contains("<code id=\"callback-url\">" + baseUrl() + LinkUrls.CALLBACK_PATH + "</code>")
                    .doesNotContain(client.secret());
            String url = issued.body().replaceAll("(?s).*id=\"request-link\">([^<]+)<.*", "$1");
            SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
            assertThat(rows("SELECT id FROM request_links WHERE connection_id = " + id))
                    .hasSize(1);
            assertThat(everyStoredValue()).noneMatch(v -> v.contains(client.secret()));
        }

        @Test
        void shouldRefuseABlankIdentifierWith422() {
            long id = deskConnection().id();
            Response response = api.send(
                    "POST",
                    "/api/connections/" + id + "/request-links",
                    operatorAuth(),
                    SyncClient.json(Map.of("oauth_client", Map.of("identifier", " "))));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("details").has("oauth_client.identifier"))
                    .isTrue();
            assertThat(rows("SELECT id FROM request_links WHERE connection_id = " + id))
                    .isEmpty();
        }
    }

    @Nested
    class Approved {

        @Test
        void shouldStoreTheTokensSealedAndUseTheLinkUp() {
            Connection connection = deskConnection();
            Link link = newLink(connection.id());
            SyncClient browser = SyncClient.browser(baseUrl());

            Response result = back(browser, deskAdmin.consent(pressConnect(browser, link), true));

            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(result.body()).contains("id=\"connected\"");
            assertThat(linkStatus(link)).isEqualTo("used");
            Connection ready = connections.get(connection.id());
            assertThat(ready.authType()).isEqualTo(AuthType.OAUTH);
            Credential credential = connections.credential(connection.id()).orElseThrow();
            OAuthCredential oauth = (OAuthCredential) credential;
            SecretLedger.issued(oauth.accessToken());
            SecretLedger.issued(oauth.refreshToken());
            assertThat(oauth.clientId()).isEqualTo(client.identifier());
            assertThat(oauth.refreshable()).isTrue();
            assertThat(oauth.accessTokenExpiresAt()).isAfter(clock.instant());
            assertThat(result.body()).doesNotContain(oauth.accessToken()).doesNotContain(oauth.refreshToken());
            assertThat(audit(connection.id(), "connection.credentials_received"))
                    .hasSize(1);
        }

        @Test
        void shouldRefuseTheSameAnswerTwiceWith409AndRecordIt() {
            Connection connection = deskConnection();
            Link link = newLink(connection.id());
            SyncClient browser = SyncClient.browser(baseUrl());
            URI answer = deskAdmin.consent(pressConnect(browser, link), true);
            assertThat(back(browser, answer).status()).isEqualTo(200);
            int version = connections.get(connection.id()).credentialVersion();

            Response again = back(SyncClient.browser(baseUrl()), answer);

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("This answer was already used").contains("each attempt works once");
            assertThat(connections.get(connection.id()).credentialVersion()).isEqualTo(version);
            assertThat(audit(connection.id(), "request_link.oauth_failed"))
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.get("description").asString()).contains("whose attempt was already finished"));
        }
    }

    @Nested
    class NothingStored {

        @Test
        void shouldTellTheAdminWhoDeniedHowToConnectWith403() {
            Connection connection = deskConnection();
            Link link = newLink(connection.id());
            SyncClient browser = SyncClient.browser(baseUrl());

            Response result = back(browser, deskAdmin.consent(pressConnect(browser, link), false));

            assertThat(result.status()).isEqualTo(403);
            assertThat(result.body())
                    .contains("data-failure=\"DENIED\"")
                    .contains("You chose Deny on Zendesk's consent page, so nothing was shared.")
                    .contains("open the request link again, click <strong>Connect with Zendesk</strong>");
            assertThat(linkStatus(link)).isEqualTo("open");
            assertThat(connections.credential(connection.id())).isEmpty();
            assertThat(audit(connection.id(), "request_link.oauth_failed"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.get("description").asString()).endsWith("with access_denied"));
        }

        @Test
        void shouldNameTheClientSecretWhenTheExchangeIsRefusedWith502() {
            Connection connection = deskConnection();
            Link link =
                    newLink(connection.id(), client.identifier(), SecretLedger.issued("wrong-" + UUID.randomUUID()));
            SyncClient browser = SyncClient.browser(baseUrl());

            Response result = back(browser, deskAdmin.consent(pressConnect(browser, link), true));

            assertThat(result.status()).isEqualTo(502);
            assertThat(result.body())
                    .contains("data-failure=\"EXCHANGE_REFUSED\"")
                    .contains("<code>HTTP 401 invalid_client</code>")
                    .contains("the OAuth client's identifier or secret given for this link is");
            assertThat(linkStatus(link)).isEqualTo("open");
            assertThat(connections.credential(connection.id())).isEmpty();
        }

        @Test
        void shouldSendTheAdminToTheOperatorWith503WhenTheSealedVerifierCannotBeOpened() {
            Connection connection = deskConnection();
            Link link = newLink(connection.id());
            SyncClient browser = SyncClient.browser(baseUrl());
            URI answer = deskAdmin.consent(pressConnect(browser, link), true);
            // What a master key retired before the re-wrap leaves behind: a sealed value sync cannot open.
            jdbc.sql("UPDATE request_link_oauth_states SET ciphertext = :other WHERE request_link_id = :link")
                    .param("other", "AAAA" + "A".repeat(40))
                    .param("link", link.id())
                    .update();

            Response result = back(browser, answer);

            assertThat(result.status()).isEqualTo(503);
            assertThat(result.body())
                    .contains("data-failure=\"SECRETS_UNREADABLE\"")
                    .contains("who sends a new request link");
            assertThat(linkStatus(link)).isEqualTo("open");
            assertThat(connections.credential(connection.id())).isEmpty();
        }

        @Test
        void shouldRefuseAStateSyncNeverIssuedWith400() {
            Response result =
                    SyncClient.browser(baseUrl()).get(LinkUrls.CALLBACK_PATH + "?code=abc&state=" + "x".repeat(43));

            assertThat(result.status()).isEqualTo(400);
            assertThat(result.body())
                    .contains("data-failure=\"UNKNOWN_STATE\"")
                    .contains("Open the request link you received again");
            assertThat(SyncClient.browser(baseUrl()).get(LinkUrls.CALLBACK_PATH).status())
                    .isEqualTo(400);
        }

        @Test
        void shouldRefuseAnAttemptOlderThanTenMinutesWith410() {
            Connection connection = deskConnection();
            Link link = newLink(connection.id());
            SyncClient browser = SyncClient.browser(baseUrl());
            URI answer = deskAdmin.consent(pressConnect(browser, link), true);
            clock.advance(ConnectWithZendesk.STATE_LIFETIME.plus(Duration.ofSeconds(1)));

            Response result = back(browser, answer);

            assertThat(result.status()).isEqualTo(410);
            assertThat(result.body()).contains("data-failure=\"STATE_EXPIRED\"").contains("More than <span>10</span>");
            assertThat(connections.credential(connection.id())).isEmpty();
        }

        @Test
        void shouldShowTheUsedLinkPageWhenTheTokenFormWonMeanwhile() {
            Connection connection = deskConnection();
            Link link = newLink(connection.id());
            SyncClient browser = SyncClient.browser(baseUrl());
            URI answer = deskAdmin.consent(pressConnect(browser, link), true);
            Response page = browser.get(link.path());
            Response submitted = browser.form(
                    link.path(),
                    Map.of(
                            "_csrf",
                            SyncClient.csrfFrom(page.body()),
                            "email",
                            "admin@acme.test",
                            "api_token",
                            newApiToken()));
            assertThat(submitted.status()).isEqualTo(200);

            Response result = back(browser, answer);

            assertThat(result.status()).isEqualTo(410);
            assertThat(result.body()).contains("This link was already used");
            assertThat(connections.get(connection.id()).authType()).isEqualTo(AuthType.API_TOKEN);
        }
    }
}
