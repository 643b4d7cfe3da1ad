package io.deskbridge.sync.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.deskbridge.sync.vault.CredentialBinding;
import io.deskbridge.sync.vault.SealedSecret;
import io.deskbridge.sync.vault.SecretUnreadableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The credential request link, end to end over HTTP: the operator creates it through the API, the
 * Zendesk admin opens it in a browser (cookies, CSRF) and submits an email and an API token.
 */
class RequestLinkIntegrationTests extends SyncIntegrationTest {

    private static final String ADMIN_EMAIL = "admin@acme.test";

    /** A link as the operator received it; {@code token} is registered as a secret. */
    private record Link(long id, long connectionId, String url, String path, String token, JsonNode json) {}

    private Link newLink(long connectionId) {
        Response response =
                api.send("POST", "/api/connections/" + connectionId + "/request-links", operatorAuth(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode json = response.json().get("request_link");
        String url = json.get("url").asString();
        String token = SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
        return new Link(json.get("id").asLong(), connectionId, url, "/handover/" + token, token, json);
    }

    private SyncClient browser() {
        return SyncClient.browser(baseUrl());
    }

    /** Opens the link in {@code browser} and submits the form as a Zendesk admin would. */
    private static Response submit(SyncClient browser, Link link, String email, String apiToken) {
        Response page = browser.get(link.path());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return browser.form(
                link.path(), Map.of("_csrf", SyncClient.csrfFrom(page.body()), "email", email, "api_token", apiToken));
    }

    private List<JsonNode> audit(long connectionId, String event) {
        JsonNode entries = api.get("/api/audit?connection_id=" + connectionId, operatorAuth())
                .json()
                .get("audit_log");
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.get("event").asString().equals(event))
                .toList();
    }

    private JsonNode connectionJson(long id) {
        return api.get("/api/connections/" + id, operatorAuth()).json().get("connection");
    }

    private SealedSecret storedCredential(long connectionId) {
        List<Map<String, Object>> rows = rows(
                "SELECT version, master_key_id, wrapped_key, ciphertext FROM connection_credentials WHERE connection_id = "
                        + connectionId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        return new SealedSecret(
                ((Number) value(row, "master_key_id")).longValue(), (String) value(row, "wrapped_key"), (String)
                        value(row, "ciphertext"));
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(column))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    @Nested
    class Creating {

        @Test
        void shouldAnswerWithTheUrlAndAnExpiryIn24Hours() {
            Instant now = Instant.parse("2026-11-27T10:00:00Z");
            clock.freezeAt(now);
            Connection connection = newConnection();

            Response response =
                    api.send("POST", "/api/connections/" + connection.id() + "/request-links", operatorAuth(), null);

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            JsonNode link = response.json().get("request_link");
            SecretLedger.issued(link.get("url")
                    .asString()
                    .substring(link.get("url").asString().lastIndexOf('/') + 1));
            assertThat(link.get("url").asString())
                    .matches("http://127\\.0\\.0\\.1:" + port + "/handover/[A-Za-z0-9_-]{43}");
            assertThat(link.get("expires_at").asString()).isEqualTo("2026-11-28T10:00:00Z");
            assertThat(link.get("status").asString()).isEqualTo("open");
            assertThat(link.get("connection_id").asLong()).isEqualTo(connection.id());
            assertThat(link.get("created_by").asString()).isEqualTo(OPERATOR_EMAIL);
        }

        @Test
        void shouldStoreOnlyTheSha256OfTheLinkToken() {
            Link link = newLink(newConnection().id());
            List<Map<String, Object>> rows = rows("SELECT token_hash FROM request_links WHERE id = " + link.id());
            assertThat(value(rows.get(0), "token_hash")).isEqualTo(LinkTokens.hash(link.token()));
            assertThat(everyStoredValue()).noneMatch(value -> value.contains(link.token()));
        }

        @Test
        void shouldAnswer404ForAnUnknownConnection() {
            Response response = api.send("POST", "/api/connections/987654321/request-links", operatorAuth(), null);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("description").asString()).isEqualTo("There is no connection 987654321");
        }

        @Test
        void shouldRequireTheOperator() {
            long id = newConnection().id();
            assertThat(api.send("POST", "/api/connections/" + id + "/request-links", null, null)
                            .status())
                    .isEqualTo(401);
            assertThat(rows("SELECT id FROM request_links WHERE connection_id = " + id))
                    .isEmpty();
        }

        @Test
        void shouldReplaceTheOlderOpenLinkOfTheConnection() {
            long id = newConnection().id();
            Link first = newLink(id);
            Link second = newLink(id);

            Response old = browser().get(first.path());
            assertThat(old.status()).isEqualTo(410);
            assertThat(old.body()).contains("This link was replaced by a newer one");
            assertThat(browser().get(second.path()).status()).isEqualTo(200);

            JsonNode links = api.get("/api/connections/" + id + "/request-links", operatorAuth())
                    .json()
                    .get("request_links");
            assertThat(links.get(0).get("id").asLong()).isEqualTo(second.id());
            assertThat(links.get(0).get("status").asString()).isEqualTo("open");
            assertThat(links.get(1).get("status").asString()).isEqualTo("revoked");
            assertThat(links.get(1).has("url")).isFalse();
            assertThat(audit(id, "request_link.revoked")).hasSize(1);
            assertThat(audit(id, "request_link.revoked_opened")).hasSize(1);
        }
    }

    @Nested
    class Opening {

        @Test
        void shouldTellWhoAsksForWhichAccountWhyAndTheAdminCenterSteps() {
            Connection connection = newConnection();
            Response page = browser().get(newLink(connection.id()).path());

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Deskbridge sync asks for API access to your Zendesk account")
                    .contains("operated by <span>" + OPERATOR_EMAIL + "</span>")
                    .contains("<code id=\"zendesk-address\">" + connection.address() + "</code>")
                    .contains("Data synchronisation")
                    .contains("<strong>Apps and integrations</strong> → <strong>APIs</strong> → "
                            + "<strong>API configuration</strong>")
                    .contains("Turn on <strong>Allow API token access</strong> and click <strong>Save</strong>")
                    .contains("<strong>API tokens</strong> → <strong>Add API token</strong>, enter a description")
                    .contains("Copy the token value: Zendesk shows it only once.")
                    .contains("name=\"email\"")
                    .contains("name=\"api_token\" type=\"password\"")
                    .contains("name=\"_csrf\"");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("Cache-Control")).contains("no-store");
        }

        @Test
        void shouldNotUseTheLinkUpAndAuditEachOpening() {
            Link link = newLink(newConnection().id());
            assertThat(browser().get(link.path()).status()).isEqualTo(200);
            assertThat(browser().get(link.path()).status()).isEqualTo(200);

            List<JsonNode> opened = audit(link.connectionId(), "request_link.opened");
            assertThat(opened).hasSize(2);
            assertThat(opened.get(0).get("actor_type").asString()).isEqualTo("link_visitor");
            assertThat(opened.get(0).get("ip_address").asString()).isEqualTo("127.0.0.1");
            assertThat(opened.get(0).get("request_link_id").asLong()).isEqualTo(link.id());
        }

        @Test
        void shouldAnswer404ForAnUnknownLink() {
            Response page = browser().get("/handover/" + LinkTokens.generate());
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("This link is not valid");
        }
    }

    @Nested
    class Submitting {

        @Test
        void shouldStoreTheCredentialAndTellTheOperatorItWasReceived() {
            Link link = newLink(newConnection().id());
            String apiToken = newApiToken();

            Response response = submit(browser(), link, ADMIN_EMAIL, apiToken);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("Credentials received").doesNotContain(apiToken);
            JsonNode connection = connectionJson(link.connectionId());
            assertThat(connection.get("state").asString()).isEqualTo("ready");
            assertThat(connection.get("credential_version").asInt()).isEqualTo(1);
            assertThat(connection.get("auth_type").asString()).isEqualTo("api_token");
            assertThat(connection.get("auth_identity").asString()).isEqualTo(ADMIN_EMAIL);
            assertThat(connection.get("credentials_received_at").isNull()).isFalse();
            assertThat(connection.toString()).doesNotContain(apiToken);

            JsonNode used = api.get("/api/connections/" + link.connectionId() + "/request-links", operatorAuth())
                    .json()
                    .get("request_links")
                    .get(0);
            assertThat(used.get("status").asString()).isEqualTo("used");
            assertThat(used.get("used_from_ip").asString()).isEqualTo("127.0.0.1");
            assertThat(connections.credential(link.connectionId()))
                    .contains(new ApiTokenCredential(ADMIN_EMAIL, apiToken));
        }

        @Test
        void shouldAuditWhoWhenAndFromWhereButNeverTheSecret() {
            Link link = newLink(newConnection().id());
            String apiToken = newApiToken();
            submit(browser(), link, ADMIN_EMAIL, apiToken);

            List<JsonNode> received = audit(link.connectionId(), "connection.credentials_received");
            assertThat(received).hasSize(1);
            JsonNode entry = received.get(0);
            assertThat(entry.get("actor_type").asString()).isEqualTo("zendesk_admin");
            assertThat(entry.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
            assertThat(entry.get("ip_address").asString()).isEqualTo("127.0.0.1");
            assertThat(entry.get("user_agent").asString()).startsWith("Java-http-client");
            assertThat(entry.get("request_link_id").asLong()).isEqualTo(link.id());
            assertThat(entry.get("created_at").asString()).isNotBlank();
            assertThat(entry.get("description").asString())
                    .contains("an api_token credential for " + ADMIN_EMAIL)
                    .contains("through request link " + link.id())
                    .contains("stored as credential version 1")
                    .doesNotContain(apiToken);
        }

        @Test
        void shouldEncryptTheCredentialAtRestBoundToTheConnectionAndVersion() {
            Link link = newLink(newConnection().id());
            Link other = newLink(newConnection().id());
            String apiToken = newApiToken();
            submit(browser(), link, ADMIN_EMAIL, apiToken);

            assertThat(everyStoredValue())
                    .noneMatch(value -> value.contains(apiToken))
                    .noneMatch(value -> value.contains(
                            Base64.getEncoder().encodeToString(apiToken.getBytes(StandardCharsets.UTF_8))));
            SealedSecret sealed = storedCredential(link.connectionId());
            String opened = new String(
                    vault.open(sealed, new CredentialBinding(link.connectionId(), 1)), StandardCharsets.UTF_8);
            assertThat(opened).contains(apiToken);
            assertThatThrownBy(() -> vault.open(sealed, new CredentialBinding(other.connectionId(), 1)))
                    .isInstanceOf(SecretUnreadableException.class);
            assertThatThrownBy(() -> vault.open(sealed, new CredentialBinding(link.connectionId(), 2)))
                    .isInstanceOf(SecretUnreadableException.class);
        }

        @Test
        void shouldRequireTheCsrfToken() {
            Link link = newLink(newConnection().id());
            SyncClient browser = browser();
            assertThat(browser.get(link.path()).status()).isEqualTo(200);

            Response forged = browser.form(link.path(), Map.of("email", ADMIN_EMAIL, "api_token", newApiToken()));

            assertThat(forged.status()).isEqualTo(403);
            assertThat(connections.get(link.connectionId()).state()).isEqualTo(ConnectionState.AWAITING_CREDENTIALS);
            assertThat(browser.get(link.path()).status()).isEqualTo(200);
        }

        @Test
        void shouldShowTheFormAgainWithoutTheTokenWhenTheEmailIsInvalid() {
            Link link = newLink(newConnection().id());
            String apiToken = newApiToken();

            Response response = submit(browser(), link, "admin-at-acme", apiToken);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .contains("The email address is not valid; enter it as name@example.com.")
                    .contains("value=\"admin-at-acme\"")
                    .doesNotContain(apiToken);
            assertThat(connections.get(link.connectionId()).state()).isEqualTo(ConnectionState.AWAITING_CREDENTIALS);
            assertThat(browser().get(link.path()).status()).isEqualTo(200);
        }

        @Test
        void shouldHandOverThroughExactlyOneOfTwoConcurrentSubmissions() throws Exception {
            Link link = newLink(newConnection().id());
            List<SyncClient> browsers = List.of(browser(), browser());
            List<String> csrf = new ArrayList<>();
            for (SyncClient browser : browsers) {
                csrf.add(SyncClient.csrfFrom(browser.get(link.path()).body()));
            }
            List<String> tokens = List.of(newApiToken(), newApiToken());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int n = i;
                    Callable<Response> post = () -> {
                        start.await();
                        return browsers.get(n)
                                .form(
                                        link.path(),
                                        Map.of("_csrf", csrf.get(n), "email", ADMIN_EMAIL, "api_token", tokens.get(n)));
                    };
                    results.add(pool.submit(post));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> result : results) {
                    statuses.add(result.get().status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 410);
            } finally {
                pool.shutdownNow();
            }
            assertThat(connections.get(link.connectionId()).credentialVersion()).isEqualTo(1);
            assertThat(connections.credential(link.connectionId()).orElseThrow())
                    .isIn(
                            new ApiTokenCredential(ADMIN_EMAIL, tokens.get(0)),
                            new ApiTokenCredential(ADMIN_EMAIL, tokens.get(1)));
            assertThat(audit(link.connectionId(), "request_link.reuse_attempted"))
                    .hasSize(1);
        }
    }

    @Nested
    class UsingALinkTwice {

        @Test
        void shouldAnswer410AndAuditAPossibleInterceptionWhenOpenedAgain() {
            Link link = newLink(newConnection().id());
            submit(browser(), link, ADMIN_EMAIL, newApiToken());

            Response again = browser().get(link.path());

            assertThat(again.status()).isEqualTo(410);
            assertThat(again.body())
                    .contains("This link was already used")
                    .contains("someone else had this link")
                    .doesNotContain("name=\"api_token\"");
            List<JsonNode> alarms = audit(link.connectionId(), "request_link.reuse_attempted");
            assertThat(alarms).hasSize(1);
            assertThat(alarms.get(0).get("ip_address").asString()).isEqualTo("127.0.0.1");
            assertThat(alarms.get(0).get("description").asString())
                    .startsWith("Someone opened request link " + link.id() + " for the connection ")
                    .contains("after credentials were submitted through it at ")
                    .endsWith("if the Zendesk admin did not do both, someone else had the link; deactivate the "
                            + "token in Zendesk and send a new link");
        }

        @Test
        void shouldAnswer410AndKeepTheFirstCredentialWhenSubmittedAgain() {
            Link link = newLink(newConnection().id());
            SyncClient browser = browser();
            String first = newApiToken();
            String second = newApiToken();
            String csrf = SyncClient.csrfFrom(browser.get(link.path()).body());
            assertThat(browser.form(link.path(), Map.of("_csrf", csrf, "email", ADMIN_EMAIL, "api_token", first))
                            .status())
                    .isEqualTo(200);

            Response again = browser.form(
                    link.path(), Map.of("_csrf", csrf, "email", "intruder@evil.test", "api_token", second));

            assertThat(again.status()).isEqualTo(410);
            assertThat(again.body()).contains("This link was already used").doesNotContain(second);
            assertThat(connections.get(link.connectionId()).credentialVersion()).isEqualTo(1);
            assertThat(connections.credential(link.connectionId()))
                    .contains(new ApiTokenCredential(ADMIN_EMAIL, first));
            List<JsonNode> alarms = audit(link.connectionId(), "request_link.reuse_attempted");
            assertThat(alarms).hasSize(1);
            assertThat(alarms.get(0).get("description").asString())
                    .startsWith("Someone submitted credentials to request link " + link.id());
        }
    }

    @Nested
    class Expiring {

        @Test
        void shouldStillWorkOneSecondBeforeTheExpiry() {
            clock.freezeAt(Instant.parse("2026-11-27T10:00:00Z"));
            Link link = newLink(newConnection().id());
            clock.advance(Duration.ofHours(24).minusSeconds(1));

            assertThat(submit(browser(), link, ADMIN_EMAIL, newApiToken()).status())
                    .isEqualTo(200);
        }

        @Test
        void shouldAnswer410OnceExpiredAndAcceptNothing() {
            clock.freezeAt(Instant.parse("2026-11-27T10:00:00Z"));
            Link link = newLink(newConnection().id());
            SyncClient browser = browser();
            String csrf = SyncClient.csrfFrom(browser.get(link.path()).body());
            clock.advance(Duration.ofHours(24));

            Response opened = browser.get(link.path());
            assertThat(opened.status()).isEqualTo(410);
            assertThat(opened.body())
                    .contains("This link has expired")
                    .contains("2026-11-28T10:00:00Z")
                    .contains("Ask <span>" + OPERATOR_EMAIL + "</span> for a new link");

            Response submitted =
                    browser.form(link.path(), Map.of("_csrf", csrf, "email", ADMIN_EMAIL, "api_token", newApiToken()));
            assertThat(submitted.status()).isEqualTo(410);
            assertThat(connections.get(link.connectionId()).state()).isEqualTo(ConnectionState.AWAITING_CREDENTIALS);
            assertThat(rows("SELECT * FROM connection_credentials WHERE connection_id = " + link.connectionId()))
                    .isEmpty();
            assertThat(audit(link.connectionId(), "request_link.expired_opened"))
                    .hasSize(2);
        }
    }

    @Nested
    class ReplacingCredentials {

        @Test
        void shouldKeepTheConnectionIdAndBumpTheCredentialVersion() {
            long id = newConnection().id();
            String first = newApiToken();
            String second = newApiToken();
            submit(browser(), newLink(id), ADMIN_EMAIL, first);
            SealedSecret firstSealed = storedCredential(id);

            Response replaced = submit(browser(), newLink(id), "other-admin@acme.test", second);

            assertThat(replaced.status()).isEqualTo(200);
            JsonNode connection = connectionJson(id);
            assertThat(connection.get("id").asLong()).isEqualTo(id);
            assertThat(connection.get("credential_version").asInt()).isEqualTo(2);
            assertThat(connection.get("auth_identity").asString()).isEqualTo("other-admin@acme.test");
            assertThat(connections.credential(id)).contains(new ApiTokenCredential("other-admin@acme.test", second));
            assertThat(rows("SELECT version FROM connection_credentials WHERE connection_id = " + id))
                    .hasSize(1)
                    .allSatisfy(row -> assertThat(((Number) value(row, "version")).intValue())
                            .isEqualTo(2));
            SealedSecret secondSealed = storedCredential(id);
            assertThatThrownBy(() -> vault.open(secondSealed, new CredentialBinding(id, 1)))
                    .isInstanceOf(SecretUnreadableException.class);
            assertThat(everyStoredValue())
                    .as("the replaced credential's ciphertext is deleted")
                    .doesNotContain(firstSealed.ciphertext(), firstSealed.wrappedKey());
            assertThat(audit(id, "connection.credentials_received")).hasSize(2);
        }
    }
}
