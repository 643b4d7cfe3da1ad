package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** Helpers of the webhook tests, on the {@link FastWebhooks} desk. */
@FastWebhooks
abstract class WebhookIntegrationTest extends DeskIntegrationTest {

    protected String auth;
    private final List<TestReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void ownerToken() {
        auth = ownerAuth();
    }

    /** Webhooks of one test must not receive the next test's events. */
    @AfterEach
    void dropWebhooksAndReceivers() {
        jdbc.sql("DELETE FROM webhooks").update();
        receivers.forEach(TestReceiver::close);
        receivers.clear();
    }

    protected TestReceiver receiver(TestReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    protected JsonNode createWebhook(Map<String, Object> webhook) {
        Response response = api.send("POST", "/api/v2/webhooks", auth, DeskClient.json(Map.of("webhook", webhook)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("webhook");
    }

    protected JsonNode subscribe(TestReceiver receiver, String... eventTypes) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", "Receiver " + receiver.url());
        webhook.put("endpoint", receiver.url());
        webhook.put("http_method", "POST");
        webhook.put("request_format", "json");
        webhook.put("status", "active");
        webhook.put("subscriptions", List.of(eventTypes));
        return createWebhook(webhook);
    }

    /** The webhook's signing secret, read over the API and registered for the leak scan. */
    protected String signingSecret(String webhookId) {
        Response response = api.get("/api/v2/webhooks/" + webhookId + "/signing_secret", auth);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return SecretLedger.issued(
                response.json().path("signing_secret").path("secret").asString());
    }

    protected JsonNode createTicket(String subject) {
        Response response = api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                DeskClient.json(
                        Map.of("ticket", Map.of("subject", subject, "comment", Map.of("body", "About " + subject)))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("ticket");
    }

    protected void updateTicket(long id, Map<String, Object> changes) {
        Response response = api.send("PUT", "/api/v2/tickets/" + id, auth, DeskClient.json(Map.of("ticket", changes)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    protected List<Map<String, Object>> invocations(String webhookId) {
        return jdbc.sql("SELECT * FROM webhook_invocations WHERE webhook_id = :id ORDER BY id")
                .param("id", Long.parseLong(webhookId))
                .query()
                .listOfRows();
    }

    protected List<Map<String, Object>> attempts(Object invocationId) {
        return jdbc.sql("SELECT * FROM webhook_attempts WHERE invocation_id = :id ORDER BY attempt")
                .param("id", ((Number) invocationId).longValue())
                .query()
                .listOfRows();
    }

    protected void awaitReceived(TestReceiver receiver, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() >= count);
    }

    /** base64(HMAC-SHA256(secret, timestamp + body)), computed here independently of desk. */
    protected static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
    }

    protected static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
