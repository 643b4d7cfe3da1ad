package io.deskbridge.desk.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.DeskJar;
import io.deskbridge.desk.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Exactly once across a crash: desk runs as a separate JVM (the packaged jar) and works through 1,000
 * tickets queued as ten create_many jobs of 100 (Zendesk's batch limit); it is killed with SIGKILL
 * mid-way. The restarted desk takes the interrupted jobs up again (their heartbeats stopped) and
 * finishes them: every ticket exists once, every item has one result.
 */
// Runs once, in the H2 pass: there the kill also takes the database inside desk's JVM down, the harder
// case (as WebhookKillRestartIntegrationTests; issue 16, suite time).
@Tag("h2-only")
class BulkJobKillRestartIntegrationTests {

    private static final String ADMIN_EMAIL = "bulk-kill@deskbridge.test";

    private Path dataDir;
    private DeskJar desk;

    @AfterEach
    void stopDeskAndDropItsData() throws Exception {
        if (desk != null) {
            desk.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void shouldFinishEveryJobExactlyOnceAfterDeskIsKilledMidJob() throws Exception {
        dataDir = Files.createTempDirectory("desk-bulk-kill-");
        Map<String, String> properties =
                new LinkedHashMap<>(TestDatabase.isPostgres() ? TestDatabase.fresh() : Map.of());
        properties.put("desk.admin.email", ADMIN_EMAIL);
        properties.put("desk.admin.password", DeskIntegrationTest.OWNER_PASSWORD);
        properties.put("desk.tokens.pepper", DeskIntegrationTest.PEPPER);
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        // One job at a time, and a dead instance's job taken up again after ~2 s without heartbeats.
        properties.put("desk.jobs.threads", "1");
        properties.put("desk.jobs.polling-interval", "500ms");
        properties.put("desk.jobs.heartbeat-interval", "500ms");
        properties.put("desk.jobs.missed-heartbeats", "4");
        desk = new DeskJar(dataDir.resolve("data"), properties);
        desk.start();

        DeskClient session = signedIn();
        String csrf = session.get("/api/v2/users/me", null)
                .json()
                .at("/user/authenticity_token")
                .asString();
        Map<String, String> headers = Map.of("X-CSRF-Token", csrf);
        long ticketsBefore = session.get("/api/v2/tickets/count", null)
                .json()
                .at("/count/value")
                .asLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> jobs = new ArrayList<>();
        for (int job = 0; job < 10; job++) {
            List<Map<String, Object>> tickets = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String subject = "Kill " + run + " #" + (job * 100 + i);
                tickets.add(Map.of("subject", subject, "comment", Map.of("body", "Body of " + subject)));
            }
            DeskClient.Response queued = session.send(
                    "POST", "/api/v2/tickets/create_many", null, DeskClient.json(Map.of("tickets", tickets)), headers);
            assertThat(queued.status()).as(queued.body()).isEqualTo(200);
            jobs.add(queued.json().at("/job_status/id").asString());
        }
        String showMany = "/api/v2/job_statuses/show_many?ids=" + String.join(",", jobs);

        int[] progress = new int[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    progress[0] = progressOf(session.get(showMany, null).json());
                    return progress[0] >= 150;
                });
        assertThat(desk.kill())
                .as("SIGKILL: no shutdown hooks, no graceful stop")
                .isNotZero();
        assertThat(progress[0]).as("items done when desk was killed").isLessThan(1_000);

        desk.start();
        DeskClient afterRestart = signedIn();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        afterRestart
                                .get(showMany, null)
                                .json()
                                .path("job_statuses")
                                .findValuesAsString("status")
                                .stream()
                                .allMatch("completed"::equals));

        JsonNode finished = afterRestart.get(showMany, null).json().path("job_statuses");
        assertThat(finished).hasSize(10);
        Set<Long> ids = new HashSet<>();
        for (JsonNode job : finished) {
            assertThat(job.path("progress").asInt()).isEqualTo(100);
            JsonNode results = job.path("results");
            assertThat(results).hasSize(100);
            for (int i = 0; i < 100; i++) {
                assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
                assertThat(results.get(i).has("error"))
                        .as(results.get(i).toString())
                        .isFalse();
                ids.add(results.get(i).path("id").asLong());
            }
        }
        assertThat(ids).as("distinct ticket ids in the results").hasSize(1_000);
        assertThat(afterRestart
                        .get("/api/v2/tickets/count", null)
                        .json()
                        .at("/count/value")
                        .asLong())
                .as("tickets in desk: each created once")
                .isEqualTo(ticketsBefore + 1_000);
    }

    private static int progressOf(JsonNode showMany) {
        int done = 0;
        for (JsonNode job : showMany.path("job_statuses")) {
            done += job.path("progress").asInt(0);
        }
        return done;
    }

    private DeskClient signedIn() {
        DeskClient session = DeskClient.withCookies(desk.baseUrl());
        assertThat(session.signIn(ADMIN_EMAIL, DeskIntegrationTest.OWNER_PASSWORD)
                        .header("Location"))
                .endsWith("/admin");
        return session;
    }
}
