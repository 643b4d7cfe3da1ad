package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.DeskJar;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, done-when 3: desk (the packaged jar, a separate JVM) under a load of concurrent API writes
 * (ticket creates, then a status change of each, like {@code bench/}'s clients) with a webhook
 * subscribed to both changes, is killed with SIGKILL mid-load and started again on the same database.
 * Every write desk acknowledged with a 2xx is there after the restart, and every change the database
 * holds, acknowledged or not (a commit whose answer the kill cut off), is delivered to the receiver.
 * Bounded: four writers, at most 150 rounds each, killed after 120 acknowledged writes or 60 s.
 */
class KillUnderLoadIntegrationTests {

    private static final String ADMIN_EMAIL = "load-kill@deskbridge.test";
    private static final String CREATED = "zen:event-type:ticket.created";
    private static final String STATUS_CHANGED = "zen:event-type:ticket.status_changed";
    private static final int WRITERS = 4;
    private static final int MAX_ROUNDS_PER_WRITER = 150;

    private Path root;
    private DeskJar desk;

    @AfterEach
    void stopDeskAndDropItsData() throws Exception {
        if (desk != null) {
            desk.close();
        }
        if (root != null) {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void shouldLoseNoAcknowledgedWriteAndNoWebhookEventWhenKilledUnderLoad() throws Exception {
        root = Files.createTempDirectory("desk-kill-load-");
        Map<String, String> properties =
                new LinkedHashMap<>(TestDatabase.isPostgres() ? TestDatabase.fresh() : Map.of());
        properties.putAll(Map.of(
                "desk.admin.email", ADMIN_EMAIL,
                "desk.admin.password", DeskIntegrationTest.OWNER_PASSWORD,
                "desk.tokens.pepper", DeskIntegrationTest.PEPPER,
                "desk.rate-limit.enforce", "false",
                "spring.datasource.hikari.maximum-pool-size", "6",
                "desk.webhooks.allow-private-targets", "true",
                "desk.webhooks.poll-interval", "100ms",
                "desk.webhooks.claim-lease", "4s",
                "desk.webhooks.backoff-base", "200ms",
                "desk.webhooks.backoff-cap", "1s"));
        properties.put("desk.webhooks.max-attempts", "1000");
        properties.put("desk.webhooks.connect-timeout", "1s");
        properties.put("desk.webhooks.request-timeout", "2s");
        desk = new DeskJar(root.resolve("data"), properties);

        try (TestReceiver receiver = TestReceiver.answering(200)) {
            desk.start();
            String auth = setUp(receiver);

            // The load: each round creates a ticket, then opens it (a status change); acknowledged = 2xx.
            Set<Long> created = ConcurrentHashMap.newKeySet();
            Set<Long> opened = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            DeskClient api = DeskClient.stateless(desk.baseUrl());
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int round = 0; round < MAX_ROUNDS_PER_WRITER && !stop.get(); round++) {
                        try {
                            DeskClient.Response ticket = api.send(
                                    "POST",
                                    "/api/v2/tickets",
                                    auth,
                                    "{\"ticket\":{\"subject\":\"Load " + writer + "-" + round
                                            + "\",\"comment\":{\"body\":\"Written under load\"}}}");
                            if (ticket.status() != 201) {
                                continue;
                            }
                            long id = ticket.json().path("ticket").path("id").asLong();
                            created.add(id);
                            acknowledged.incrementAndGet();
                            DeskClient.Response open = api.send(
                                    "PUT", "/api/v2/tickets/" + id, auth, "{\"ticket\":{\"status\":\"open\"}}");
                            if (open.status() == 200) {
                                opened.add(id);
                                acknowledged.incrementAndGet();
                            }
                        } catch (RuntimeException cutOffByTheKill) {
                            // Not acknowledged: the write may or may not have committed.
                        }
                    }
                });
            }
            // Kill once 120 writes are acknowledged, or after 60 s on a slow machine, whichever comes first.
            Instant loadStarted = Instant.now();
            Instant latest = loadStarted.plus(Duration.ofSeconds(60));
            while (acknowledged.get() < 120 && Instant.now().isBefore(latest)) {
                Thread.sleep(20);
            }
            int exit = desk.kill(); // SIGKILL under load
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(exit).as("killed, not stopped").isNotZero();
            assertThat(acknowledged.get())
                    .as("writes acknowledged before the kill")
                    .isGreaterThanOrEqualTo(10);
            System.out.printf(
                    "kill -9 under load: %d writes acknowledged in %d ms before the kill (%d creates, %d status changes)%n",
                    acknowledged.get(),
                    Duration.between(loadStarted, Instant.now()).toMillis(),
                    created.size(),
                    opened.size());

            desk.start();
            Map<Long, String> stored = allTickets(api, auth);

            assertThat(stored.keySet())
                    .as("every acknowledged create is stored")
                    .containsAll(created);
            assertThat(opened)
                    .as("every acknowledged status change is stored")
                    .allSatisfy(id -> assertThat(stored.get(id)).isEqualTo("open"));
            Set<Long> committedOpens = stored.entrySet().stream()
                    .filter(e -> e.getValue().equals("open"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Map<String, Set<Long>> delivered = delivered(receiver);
                        assertThat(delivered.getOrDefault(CREATED, Set.of()))
                                .as("a ticket.created event for every stored ticket")
                                .containsAll(stored.keySet());
                        assertThat(delivered.getOrDefault(STATUS_CHANGED, Set.of()))
                                .as("a ticket.status_changed event for every stored status change")
                                .containsAll(committedOpens);
                    });
            System.out.printf(
                    "after the restart: %d tickets stored (%d acknowledged), %d opened (%d acknowledged),"
                            + " %d webhook requests received%n",
                    stored.size(),
                    created.size(),
                    committedOpens.size(),
                    opened.size(),
                    receiver.received().size());
        }
    }

    /** Signs in, turns token access on, subscribes the receiver, and returns a token's Authorization. */
    private String setUp(TestReceiver receiver) {
        DeskClient session = DeskClient.withCookies(desk.baseUrl());
        assertThat(session.signIn(ADMIN_EMAIL, DeskIntegrationTest.OWNER_PASSWORD)
                        .header("Location"))
                .endsWith("/admin");
        String csrf = session.get("/api/v2/users/me", null)
                .json()
                .path("user")
                .path("authenticity_token")
                .asString();
        Map<String, String> headers = Map.of("X-CSRF-Token", csrf);
        DeskClient.Response settings = session.send(
                "PUT",
                "/api/v2/account/settings",
                null,
                "{\"settings\":{\"api\":{\"api_token_access\":true}}}",
                headers);
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        DeskClient.Response token = session.send(
                "POST",
                "/api/v2/api_tokens",
                null,
                "{\"api_token\":{\"description\":\"load\",\"expires_in_days\":30}}",
                headers);
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        String value =
                SecretLedger.issued(token.json().path("api_token").path("token").asString());
        DeskClient.Response webhook = session.send(
                "POST",
                "/api/v2/webhooks",
                null,
                DeskClient.json(Map.of(
                        "webhook",
                        Map.of(
                                "name", "Load receiver",
                                "endpoint", receiver.url(),
                                "subscriptions", List.of(CREATED, STATUS_CHANGED)))),
                headers);
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
        return DeskClient.tokenAuth(ADMIN_EMAIL, value);
    }

    /** Every ticket in desk's database, by id, with its status (offset pages of 100). */
    private static Map<Long, String> allTickets(DeskClient api, String auth) {
        Map<Long, String> tickets = new LinkedHashMap<>();
        for (int page = 1; ; page++) {
            DeskClient.Response response = api.get("/api/v2/tickets.json?per_page=100&page=" + page, auth);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            body.path("tickets")
                    .forEach(t ->
                            tickets.put(t.path("id").asLong(), t.path("status").asString()));
            if (body.path("next_page").isNull() || body.path("tickets").isEmpty()) {
                return tickets;
            }
        }
    }

    /** Ticket ids the receiver got an event for, by event type (duplicates of at-least-once folded). */
    private static Map<String, Set<Long>> delivered(TestReceiver receiver) {
        Map<String, Set<Long>> byType = new LinkedHashMap<>();
        for (TestReceiver.Received request : receiver.received()) {
            JsonNode event =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.body());
            byType.computeIfAbsent(event.path("type").asString(), t -> new HashSet<>())
                    .add(Long.parseLong(event.path("detail").path("id").asString()));
        }
        return byType;
    }
}
