package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.DeskJar;
import io.deskbridge.desk.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * At-least-once across a crash: desk runs as a separate JVM (the packaged jar), commits a ticket
 * change whose event is being delivered to a receiver that does not answer, and is killed with
 * SIGKILL. The restarted desk delivers the same event once the receiver answers.
 */
// Runs once, in the H2 pass: there the kill also takes the database inside desk's JVM down, the
// harder case; KillUnderLoadIntegrationTests kills desk on both databases (issue 16, suite time).
@Tag("h2-only")
class WebhookKillRestartIntegrationTests {

    private static final String ADMIN_EMAIL = "kill-test@deskbridge.test";

    private Path dataDir;
    private DeskJar desk;

    @AfterEach
    void stopDesksAndDropTheirData() throws Exception {
        if (desk != null) {
            desk.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void shouldDeliverAnEventAfterDeskIsKilledBetweenTheChangeAndTheAcknowledgement() throws Exception {
        dataDir = Files.createTempDirectory("desk-kill-");
        Map<String, String> properties =
                new LinkedHashMap<>(TestDatabase.isPostgres() ? TestDatabase.fresh() : Map.of());
        properties.put("desk.admin.email", ADMIN_EMAIL);
        properties.put("desk.admin.password", DeskIntegrationTest.OWNER_PASSWORD);
        properties.put("desk.tokens.pepper", DeskIntegrationTest.PEPPER);
        properties.put("spring.datasource.hikari.maximum-pool-size", "3");
        properties.put("desk.webhooks.allow-private-targets", "true");
        properties.put("desk.webhooks.poll-interval", "100ms");
        properties.put("desk.webhooks.connect-timeout", "1s");
        properties.put("desk.webhooks.request-timeout", "2s");
        properties.put("desk.webhooks.claim-lease", "4s");
        properties.put("desk.webhooks.backoff-base", "200ms");
        properties.put("desk.webhooks.backoff-cap", "1s");
        properties.put("desk.webhooks.max-attempts", "1000");
        desk = new DeskJar(dataDir.resolve("data"), properties);
        try (TestReceiver receiver = TestReceiver.silent()) {
            desk.start();
            // A first start on an empty data directory is quiet: no warnings around the banner and
            // its one-time password (issue 9, item 7). DeskJar logs the first start to data-0.log.
            assertThat(Files.readAllLines(dataDir.resolve("data-0.log")))
                    .as("start-up log")
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
            DeskClient session = signedIn();
            String csrf = session.get("/api/v2/users/me", null)
                    .json()
                    .path("user")
                    .path("authenticity_token")
                    .asString();
            DeskClient.Response webhook = session.send(
                    "POST",
                    "/api/v2/webhooks",
                    null,
                    DeskClient.json(Map.of(
                            "webhook",
                            Map.of(
                                    "name", "Survives a crash",
                                    "endpoint", receiver.url(),
                                    "subscriptions", List.of("zen:event-type:ticket.created")))),
                    Map.of("X-CSRF-Token", csrf));
            assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
            String webhookId = webhook.json().path("webhook").path("id").asString();
            DeskClient.Response ticket = session.send(
                    "POST",
                    "/api/v2/tickets",
                    null,
                    DeskClient.json(Map.of(
                            "ticket", Map.of("subject", "Crash test", "comment", Map.of("body", "Before the kill")))),
                    Map.of("X-CSRF-Token", csrf));
            assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
            long ticketId = ticket.json().path("ticket").path("id").asLong();

            // The change is committed and its delivery is in flight, unanswered.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !receiver.received().isEmpty());
            String eventId = json(receiver.received().get(0).body()).path("id").asString();

            assertThat(desk.kill())
                    .as("SIGKILL: no shutdown hooks, no graceful stop")
                    .isNotZero();
            int beforeRestart = receiver.received().size();
            receiver.answer(200);

            desk.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.received().size() > beforeRestart);
            JsonNode delivered = json(receiver.received().get(beforeRestart).body());
            assertThat(delivered.path("id").asString()).isEqualTo(eventId);
            assertThat(delivered.path("type").asString()).isEqualTo("zen:event-type:ticket.created");
            assertThat(delivered.path("detail").path("id").asString()).isEqualTo(String.valueOf(ticketId));

            DeskClient afterRestart = signedIn();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode invocation = afterRestart
                        .get("/api/v2/webhooks/" + webhookId + "/invocations", null)
                        .json()
                        .path("invocations")
                        .get(0);
                assertThat(invocation.path("status").asString()).isEqualTo("success");
                assertThat(invocation.path("event_id").asString()).isEqualTo(eventId);
            });
        }
    }

    private DeskClient signedIn() {
        DeskClient session = DeskClient.withCookies(desk.baseUrl());
        assertThat(session.signIn(ADMIN_EMAIL, DeskIntegrationTest.OWNER_PASSWORD)
                        .header("Location"))
                .endsWith("/admin");
        return session;
    }

    private static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
