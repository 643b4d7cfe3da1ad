package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/webhooks}: Zendesk's shapes, the rules, secrets, audit, and the test endpoint. */
class WebhookApiIntegrationTests extends WebhookIntegrationTest {

    private static final String CREATED = "zen:event-type:ticket.created";

    private Map<String, Object> webhook(String name, String endpoint) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", name);
        webhook.put("endpoint", endpoint);
        webhook.put("http_method", "POST");
        webhook.put("request_format", "json");
        webhook.put("status", "active");
        webhook.put("subscriptions", List.of(CREATED, "zen:event-type:ticket.status_changed"));
        return webhook;
    }

    private Response post(Map<String, Object> webhook) {
        return api.send("POST", "/api/v2/webhooks", auth, DeskClient.json(Map.of("webhook", webhook)));
    }

    private static String problem(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.path("error").asString()).isEqualTo("RecordInvalid");
        return body.path("details").path(field).get(0).path("description").asString();
    }

    @Nested
    class Crud {

        @Test
        void shouldCreateAWebhookInZendesksShape() {
            Response response = post(webhook("Sync", "http://127.0.0.1:9/hook"));

            assertThat(response.status()).as(response.body()).isEqualTo(201);
            JsonNode w = response.json().path("webhook");
            assertThat(w.path("id").isString()).isTrue();
            assertThat(w.path("id").asString()).matches("[1-9][0-9]*");
            assertThat(response.header("Location"))
                    .isEqualTo(baseUrl() + "/api/v2/webhooks/" + w.path("id").asString());
            assertThat(w.path("name").asString()).isEqualTo("Sync");
            assertThat(w.path("status").asString()).isEqualTo("active");
            assertThat(w.path("endpoint").asString()).isEqualTo("http://127.0.0.1:9/hook");
            assertThat(w.path("http_method").asString()).isEqualTo("POST");
            assertThat(w.path("request_format").asString()).isEqualTo("json");
            assertThat(w.path("subscriptions").toString())
                    .isEqualTo("[\"zen:event-type:ticket.created\",\"zen:event-type:ticket.status_changed\"]");
            assertThat(w.path("custom_headers").toString()).isEqualTo("{}");
            assertThat(w.path("created_by").asString()).isEqualTo(String.valueOf(owner().id()));
            assertThat(w.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(w.path("updated_at").asString())
                    .isEqualTo(w.path("created_at").asString());
            assertThat(w.has("authentication")).isFalse();
            assertThat(w.has("signing_secret")).isFalse();

            JsonNode shown = api.get("/api/v2/webhooks/" + w.path("id").asString() + ".json", auth)
                    .json();
            assertThat(shown.path("webhook")).isEqualTo(w);
            assertThat(auditEntries("webhook.created"))
                    .anySatisfy(e -> assertThat(e.get("source_id"))
                            .hasToString(w.path("id").asString()));
        }

        @Test
        void shouldApplyDefaultsAsZendeskDoes() {
            Response response = post(Map.of("name", "Minimal", "endpoint", "http://127.0.0.1:9/hook"));
            JsonNode w = response.json().path("webhook");
            assertThat(response.status()).isEqualTo(201);
            assertThat(w.path("status").asString()).isEqualTo("active");
            assertThat(w.path("http_method").asString()).isEqualTo("POST");
            assertThat(w.path("request_format").asString()).isEqualTo("json");
            assertThat(w.path("subscriptions").toString()).isEqualTo("[]");
        }

        @Test
        void shouldListWithOffsetAndCursorPagination() {
            String first = post(webhook("One", "http://127.0.0.1:9/one"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();
            String second = post(webhook("Two", "http://127.0.0.1:9/two"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();

            JsonNode offset = api.get("/api/v2/webhooks", auth).json();
            assertThat(offset.path("webhooks").size()).isEqualTo(2);
            assertThat(offset.path("count").asLong()).isEqualTo(2);
            assertThat(offset.path("next_page").isNull()).isTrue();
            assertThat(offset.path("webhooks").get(0).path("id").asString()).isEqualTo(first);

            JsonNode page1 = api.get("/api/v2/webhooks?page[size]=1", auth).json();
            assertThat(page1.path("webhooks").get(0).path("id").asString()).isEqualTo(first);
            assertThat(page1.path("meta").path("has_more").asBoolean()).isTrue();
            String next = page1.path("links").path("next").asString();
            JsonNode page2 = api.get(next.substring(baseUrl().length()), auth).json();
            assertThat(page2.path("webhooks").get(0).path("id").asString()).isEqualTo(second);
            assertThat(page2.path("meta").path("has_more").asBoolean()).isFalse();
            assertThat(page2.path("links").path("next").isNull()).isTrue();

            JsonNode named =
                    api.get("/api/v2/webhooks?filter[name_contains]=tw", auth).json();
            assertThat(named.path("webhooks").size()).isEqualTo(1);
            assertThat(named.path("count").asLong()).isEqualTo(1);
            JsonNode inactive =
                    api.get("/api/v2/webhooks?filter[status]=inactive", auth).json();
            assertThat(inactive.path("webhooks").size()).isZero();
        }

        @Test
        void shouldUpdateWithPutAndPatchAndAnswer204() {
            String id = post(webhook("Before", "http://127.0.0.1:9/hook"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();

            Response put = api.send(
                    "PUT",
                    "/api/v2/webhooks/" + id,
                    auth,
                    DeskClient.json(Map.of("webhook", Map.of("name", "After", "status", "inactive"))));
            assertThat(put.status()).isEqualTo(204);
            Response patch = api.send(
                    "PATCH",
                    "/api/v2/webhooks/" + id,
                    auth,
                    DeskClient.json(Map.of("webhook", Map.of("custom_headers", Map.of("X-Team", "blue")))));
            assertThat(patch.status()).isEqualTo(204);

            JsonNode w = api.get("/api/v2/webhooks/" + id, auth).json().path("webhook");
            assertThat(w.path("name").asString()).isEqualTo("After");
            assertThat(w.path("status").asString()).isEqualTo("inactive");
            assertThat(w.path("custom_headers").toString()).isEqualTo("{\"X-Team\":\"blue\"}");
            assertThat(w.path("endpoint").asString()).isEqualTo("http://127.0.0.1:9/hook");
            assertThat(auditEntries("webhook.updated"))
                    .extracting(e -> String.valueOf(e.get("CHANGE_DESCRIPTION")))
                    .contains("Changed name, status (active → inactive)", "Changed custom_headers");
        }

        @Test
        void shouldDeleteAndThenNotFindIt() {
            String id = post(webhook("Gone", "http://127.0.0.1:9/hook"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();

            assertThat(api.send("DELETE", "/api/v2/webhooks/" + id, auth, null).status())
                    .isEqualTo(204);

            Response missing = api.get("/api/v2/webhooks/" + id, auth);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asString()).isEqualTo("RecordNotFound");
            assertThat(api.get("/api/v2/webhooks/not-an-id", auth).status()).isEqualTo(404);
            assertThat(auditEntries("webhook.deleted"))
                    .extracting(e -> String.valueOf(e.get("CHANGE_DESCRIPTION")))
                    .contains("Deleted webhook Gone");
        }

        @Test
        void shouldRefuseAgents() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(agent, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
            assertThat(api.get("/api/v2/webhooks", agentAuth).status()).isEqualTo(403);
        }
    }

    @Nested
    class SigningSecret {

        @Test
        void shouldShowResetAndStoreOnlyCiphertext() {
            String id = post(webhook("Signed", "http://127.0.0.1:9/hook"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();

            Response shown = api.get("/api/v2/webhooks/" + id + "/signing_secret", auth);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.header("Cache-Control")).isEqualTo("no-store");
            JsonNode secret = shown.json().path("signing_secret");
            assertThat(secret.path("algorithm").asString()).isEqualTo("SHA256");
            String first = SecretLedger.issued(secret.path("secret").asString());
            assertThat(first).matches("[A-Za-z0-9_-]{43}=");

            String stored = jdbc.sql("SELECT signing_secret_sealed FROM webhooks WHERE id = :id")
                    .param("id", Long.parseLong(id))
                    .query(String.class)
                    .single();
            assertThat(stored).isNotBlank().doesNotContain(first);

            Response reset = api.send("POST", "/api/v2/webhooks/" + id + "/signing_secret", auth, null);
            assertThat(reset.status()).isEqualTo(201);
            String second = SecretLedger.issued(
                    reset.json().path("signing_secret").path("secret").asString());
            assertThat(second).isNotEqualTo(first);
            assertThat(signingSecret(id)).isEqualTo(second);
            assertThat(auditEntries("webhook.signing_secret_reset"))
                    .extracting(e -> String.valueOf(e.get("CHANGE_DESCRIPTION")))
                    .contains("Signing secret reset; deliveries are signed with the new secret from now on");
        }

        @Test
        void shouldRefuseTheSecretToAReadOnlyTokenWithZendesksMissingScopeBody() {
            String id = createWebhook(webhook("Secret", "http://127.0.0.1:9/hook"))
                    .path("id")
                    .asString();
            String readOnly = DeskClient.tokenAuth(
                    OWNER_EMAIL, issueToken(owner(), TokenScope.READ_ONLY, AuthenticatesAs.OWNER_ONLY));

            assertThat(api.get("/api/v2/webhooks/" + id, readOnly).status()).isEqualTo(200);
            Response refused = api.get("/api/v2/webhooks/" + id + "/signing_secret", readOnly);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body())
                    .isEqualTo("{\"error\":\"Forbidden\",\"description\":"
                            + "\"You are missing the following required scopes: write\"}");
        }

        @Test
        void shouldRefuseACiphertextCopiedToAnotherWebhook() {
            String a = post(webhook("A", "http://127.0.0.1:9/a"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();
            String b = post(webhook("B", "http://127.0.0.1:9/b"))
                    .json()
                    .path("webhook")
                    .path("id")
                    .asString();
            jdbc.sql(
                            "UPDATE webhooks SET signing_secret_sealed = (SELECT signing_secret_sealed FROM webhooks WHERE id = :a)"
                                    + " WHERE id = :b")
                    .param("a", Long.parseLong(a))
                    .param("b", Long.parseLong(b))
                    .update();

            Response response = api.get("/api/v2/webhooks/" + b + "/signing_secret", auth);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("signing_secret\":");
        }
    }

    @Nested
    class Rules {

        @Test
        void shouldRefuseAnEventTypeDeskDoesNotEmit() {
            Map<String, Object> w = webhook("Bad", "http://127.0.0.1:9/hook");
            w.put("subscriptions", List.of("zen:event-type:ticket.updated"));
            assertThat(problem(post(w), "subscriptions"))
                    .startsWith("Subscriptions: \"zen:event-type:ticket.updated\" is not an event type desk emits;"
                            + " use conditional_ticket_events alone, or any of zen:event-type:ticket.created,"
                            + " zen:event-type:ticket.comment_added,");
        }

        @Test
        void shouldStoreConditionalTicketEventsWebhooksWithAnyMethod() {
            Map<String, Object> w = webhook("Trigger target", "http://127.0.0.1:9/hook");
            w.put("subscriptions", List.of("conditional_ticket_events"));
            w.put("http_method", "PUT");
            Response response = post(w);
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json().path("webhook").path("http_method").asString())
                    .isEqualTo("PUT");
        }

        @Test
        void shouldRefuseMixingConditionalTicketEventsWithEvents() {
            Map<String, Object> w = webhook("Mixed", "http://127.0.0.1:9/hook");
            w.put("subscriptions", List.of("conditional_ticket_events", CREATED));
            assertThat(problem(post(w), "subscriptions"))
                    .isEqualTo(
                            "Subscriptions: conditional_ticket_events cannot be combined with event types: a webhook is"
                                    + " either called by triggers and automations or subscribed to events");
        }

        @Test
        void shouldRequirePostForEventSubscriptions() {
            Map<String, Object> w = webhook("Put", "http://127.0.0.1:9/hook");
            w.put("http_method", "PUT");
            assertThat(problem(post(w), "http_method"))
                    .isEqualTo("Http method: must be POST for a webhook subscribed to Zendesk events (got PUT)");
        }

        @Test
        void shouldRefuseFormatsOtherThanJson() {
            Map<String, Object> w = webhook("Xml", "http://127.0.0.1:9/hook");
            w.put("request_format", "xml");
            assertThat(problem(post(w), "request_format"))
                    .isEqualTo("Request format: \"xml\" is not supported: desk sends json only");
        }

        @Test
        void shouldRefuseCustomHeadersThatOverrideDesksOwn() {
            Map<String, Object> w = webhook("Headers", "http://127.0.0.1:9/hook");
            w.put("custom_headers", Map.of("X-Zendesk-Webhook-Signature", "forged"));
            assertThat(problem(post(w), "custom_headers"))
                    .isEqualTo(
                            "Custom headers: X-Zendesk-Webhook-Signature is set by desk itself and cannot be overridden");
            w.put("custom_headers", Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"));
            assertThat(problem(post(w), "custom_headers")).isEqualTo("Custom headers: has 6 headers; the maximum is 5");
        }

        @Test
        void shouldRequireANameAndAnEndpoint() {
            assertThat(problem(post(Map.of("endpoint", "http://127.0.0.1:9/hook")), "name"))
                    .isEqualTo("Name: cannot be blank");
            assertThat(problem(post(Map.of("name", "No endpoint")), "endpoint")).isEqualTo("Endpoint: cannot be blank");
        }
    }

    @Nested
    class Authentication {

        @Test
        void shouldSealTheCredentialAndNeverShowIt() {
            String token = SecretLedger.issued("bearer-" + UUID.randomUUID());
            Map<String, Object> w = webhook("Bearer", "http://127.0.0.1:9/hook");
            w.put(
                    "authentication",
                    Map.of("type", "bearer_token", "add_position", "header", "data", Map.of("token", token)));
            Response response = post(w);

            assertThat(response.status()).as(response.body()).isEqualTo(201);
            JsonNode created = response.json().path("webhook");
            assertThat(created.path("authentication").toString())
                    .isEqualTo("{\"type\":\"bearer_token\",\"add_position\":\"header\"}");
            assertThat(response.body()).doesNotContain(token);
            String sealed = jdbc.sql("SELECT auth_sealed FROM webhooks WHERE id = :id")
                    .param("id", Long.parseLong(created.path("id").asString()))
                    .query(String.class)
                    .single();
            assertThat(sealed).isNotBlank().doesNotContain(token);
            assertThat(auditEntries("webhook.created"))
                    .extracting(e -> String.valueOf(e.get("CHANGE_DESCRIPTION")))
                    .noneMatch(d -> d.contains(token));
        }

        @Test
        void shouldKeepTheStoredPasswordWhenAClientSendsTheWebhookBack() {
            String password = SecretLedger.issued("pw-" + UUID.randomUUID());
            Map<String, Object> w = webhook("Basic", "http://127.0.0.1:9/hook");
            w.put(
                    "authentication",
                    Map.of("type", "basic_auth", "data", Map.of("username", "desk", "password", password)));
            JsonNode created = post(w).json().path("webhook");
            assertThat(created.path("authentication").path("data").toString()).isEqualTo("{\"username\":\"desk\"}");
            String id = created.path("id").asString();

            Response roundTrip = api.send(
                    "PUT",
                    "/api/v2/webhooks/" + id,
                    auth,
                    DeskClient.json(Map.of("webhook", Map.of("authentication", created.path("authentication")))));
            assertThat(roundTrip.status()).as(roundTrip.body()).isEqualTo(204);

            Map<String, Object> otherUser = Map.of("type", "basic_auth", "data", Map.of("username", "someone-else"));
            Response refused = api.send(
                    "PUT",
                    "/api/v2/webhooks/" + id,
                    auth,
                    DeskClient.json(Map.of("webhook", Map.of("authentication", otherUser))));
            assertThat(problem(refused, "authentication.data.password"))
                    .isEqualTo("Authentication.data.password: cannot be blank");
        }

        @Test
        void shouldRefuseAnUnknownType() {
            Map<String, Object> w = webhook("Oauth", "http://127.0.0.1:9/hook");
            w.put("authentication", Map.of("type", "oauth", "data", Map.of()));
            assertThat(problem(post(w), "authentication.type"))
                    .isEqualTo("Authentication.type: \"oauth\" is not one of basic_auth, bearer_token, api_key");
        }
    }

    @Nested
    class TestEndpoint {

        @Test
        void shouldSendOneRequestAndReportTheResponse() throws Exception {
            TestReceiver receiver = receiver(TestReceiver.answering(202));
            receiver.respondWith("{\"received\":true}");

            Response response = api.send(
                    "POST",
                    "/api/v2/webhooks/test",
                    auth,
                    DeskClient.json(Map.of(
                            "request",
                            Map.of(
                                    "endpoint", receiver.url(),
                                    "http_method", "POST",
                                    "request_format", "json",
                                    "payload", "{\"say\": \"hello\"}"))));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode result = response.json().path("response");
            assertThat(result.path("status").asInt()).isEqualTo(202);
            assertThat(result.path("body").asString()).isEqualTo("{\"received\":true}");
            assertThat(result.path("headers").toString()).contains("{\"key\":\"x-receiver\",\"value\":\"test\"}");
            TestReceiver.Received sent = receiver.received().get(0);
            assertThat(sent.body()).isEqualTo("{\"say\": \"hello\"}");
            assertThat(sent.header("x-zendesk-webhook-signature"))
                    .isEqualTo(expectedSignature(
                            WebhookTester.STATIC_TEST_SECRET,
                            sent.header("x-zendesk-webhook-signature-timestamp"),
                            sent.body()));
            assertThat(invocationCount()).isZero();
        }

        @Test
        void shouldSignATestOfAnExistingWebhookWithItsSecret() throws Exception {
            TestReceiver receiver = receiver(TestReceiver.answering(200));
            String id = subscribe(receiver, CREATED).path("id").asString();

            Response response = api.send(
                    "POST",
                    "/api/v2/webhooks/test?webhook_id=" + id,
                    auth,
                    DeskClient.json(Map.of("request", Map.of())));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("response").path("status").asInt()).isEqualTo(200);
            TestReceiver.Received sent = receiver.received().get(0);
            assertThat(sent.header("x-zendesk-webhook-id")).isEqualTo(id);
            assertThat(json(sent.body()).path("type").asString()).isEqualTo("zen:event-type:webhook.test");
            assertThat(sent.header("x-zendesk-webhook-signature"))
                    .isEqualTo(expectedSignature(
                            signingSecret(id), sent.header("x-zendesk-webhook-signature-timestamp"), sent.body()));
        }

        @Test
        void shouldNotSendTheStoredCredentialOrSecretToAnotherEndpoint() throws Exception {
            TestReceiver stored = receiver(TestReceiver.answering(200));
            TestReceiver other = receiver(TestReceiver.answering(200));
            String password = SecretLedger.issued("pw-" + UUID.randomUUID());
            Map<String, Object> w = webhook("Credentialed", stored.url());
            w.put(
                    "authentication",
                    Map.of("type", "basic_auth", "data", Map.of("username", "desk", "password", password)));
            w.put("custom_headers", Map.of("X-Team", "support"));
            String id = createWebhook(w).path("id").asString();

            Response response = api.send(
                    "POST",
                    "/api/v2/webhooks/test?webhook_id=" + id,
                    auth,
                    DeskClient.json(Map.of("request", Map.of("endpoint", other.url() + "?elsewhere"))));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("response").path("status").asInt()).isEqualTo(200);
            assertThat(stored.received()).isEmpty();
            TestReceiver.Received sent = other.received().get(0);
            assertThat(sent.header("authorization")).isNull();
            assertThat(sent.header("x-team")).isNull();
            assertThat(sent.header("x-zendesk-webhook-id")).isNull();
            assertThat(sent.toString()).doesNotContain(password);
            assertThat(sent.header("x-zendesk-webhook-signature"))
                    .isEqualTo(expectedSignature(
                            WebhookTester.STATIC_TEST_SECRET,
                            sent.header("x-zendesk-webhook-signature-timestamp"),
                            sent.body()));
        }

        @Test
        void shouldSendTheStoredCredentialToTheStoredEndpoint() throws Exception {
            TestReceiver stored = receiver(TestReceiver.answering(200));
            String password = SecretLedger.issued("pw-" + UUID.randomUUID());
            Map<String, Object> w = webhook("Credentialed", stored.url());
            w.put(
                    "authentication",
                    Map.of("type", "basic_auth", "data", Map.of("username", "desk", "password", password)));
            String id = createWebhook(w).path("id").asString();

            Response response = api.send(
                    "POST",
                    "/api/v2/webhooks/test?webhook_id=" + id,
                    auth,
                    DeskClient.json(Map.of("request", Map.of("endpoint", stored.url()))));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(stored.received().get(0).header("authorization"))
                    .isEqualTo("Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(
                                            ("desk:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Test
        void shouldReportAnEndpointThatDoesNotAnswer() throws Exception {
            java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
            int port = closed.getLocalPort();
            closed.close();

            Response response = api.send(
                    "POST",
                    "/api/v2/webhooks/test",
                    auth,
                    DeskClient.json(Map.of("request", Map.of("endpoint", "http://127.0.0.1:" + port + "/hook"))));

            assertThat(response.status()).isEqualTo(200);
            JsonNode result = response.json().path("response");
            assertThat(result.path("status").isNull()).isTrue();
            assertThat(result.path("error").asString()).startsWith("ConnectException");
        }

        private long invocationCount() {
            return jdbc.sql("SELECT COUNT(*) FROM webhook_invocations")
                    .query(Long.class)
                    .single();
        }
    }
}
