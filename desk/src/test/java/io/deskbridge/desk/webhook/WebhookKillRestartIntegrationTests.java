package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * At-least-once across a crash: desk runs as a separate JVM (the packaged jar), commits a ticket
 * change whose event is being delivered to a receiver that does not answer, and is killed with
 * SIGKILL. The restarted desk delivers the same event once the receiver answers.
 */
class WebhookKillRestartIntegrationTests {

    private static final String ADMIN_EMAIL = "kill-test@deskbridge.test";

    private final List<Process> processes = new ArrayList<>();
    private Path dataDir;
    private Map<String, String> database;

    @AfterEach
    void stopDesksAndDropTheirData() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void shouldDeliverAnEventAfterDeskIsKilledBetweenTheChangeAndTheAcknowledgement() throws Exception {
        dataDir = Files.createTempDirectory("desk-kill-");
        database = TestDatabase.isPostgres() ? TestDatabase.fresh() : Map.of();
        try (TestReceiver receiver = TestReceiver.silent()) {
            int port = freePort();
            Process first = start(port);
            // A first start on an empty data directory is quiet: no warnings around the banner and
            // its one-time password (issue 9, item 7).
            assertThat(Files.readAllLines(dataDir.resolve("desk-0.log")))
                    .as("start-up log")
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
            DeskClient session = signedIn(port);
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

            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful stop
            assertThat(first.waitFor()).isNotZero();
            int beforeRestart = receiver.received().size();
            receiver.answer(200);

            start(port);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.received().size() > beforeRestart);
            JsonNode delivered = json(receiver.received().get(beforeRestart).body());
            assertThat(delivered.path("id").asString()).isEqualTo(eventId);
            assertThat(delivered.path("type").asString()).isEqualTo("zen:event-type:ticket.created");
            assertThat(delivered.path("detail").path("id").asString()).isEqualTo(String.valueOf(ticketId));

            DeskClient afterRestart = signedIn(port);
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

    private Process start(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--desk.data-dir=" + dataDir,
                "--desk.admin.email=" + ADMIN_EMAIL,
                "--desk.admin.password=" + DeskIntegrationTest.OWNER_PASSWORD,
                "--desk.tokens.pepper=" + DeskIntegrationTest.PEPPER,
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--desk.webhooks.allow-private-targets=true",
                "--desk.webhooks.poll-interval=100ms",
                "--desk.webhooks.connect-timeout=1s",
                "--desk.webhooks.request-timeout=2s",
                "--desk.webhooks.claim-lease=4s",
                "--desk.webhooks.backoff-base=200ms",
                "--desk.webhooks.backoff-cap=1s",
                "--desk.webhooks.max-attempts=1000"));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dataDir.resolve("desk-" + processes.size() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        DeskClient probe = DeskClient.stateless("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("desk exited with " + process.exitValue() + ":\n" + tail(log));
                    }
                    try {
                        return probe.get("/login", null).status() == 200;
                    } catch (RuntimeException notUpYet) {
                        return false;
                    }
                });
        return process;
    }

    private static DeskClient signedIn(int port) {
        DeskClient session = DeskClient.withCookies("http://127.0.0.1:" + port);
        assertThat(session.signIn(ADMIN_EMAIL, DeskIntegrationTest.OWNER_PASSWORD)
                        .header("Location"))
                .endsWith("/admin");
        return session;
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("desk-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "No desk-*-exec.jar in " + Path.of("target").toAbsolutePath() + "; run mvn package first"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
