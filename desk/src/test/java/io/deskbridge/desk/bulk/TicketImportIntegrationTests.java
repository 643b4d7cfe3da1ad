package io.deskbridge.desk.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The ticket import API: historical times and comments kept, no webhook (nor any listener that
 * notifies) reacting, imported tickets in the incremental export in {@code generated_timestamp} order.
 */
// The webhook tests' desk (same properties, so one cached context): the watching webhook targets 127.0.0.1.
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
class TicketImportIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;
    private String webhookId;

    @BeforeEach
    void ownerTokenAndAWebhookOnTicketEvents() {
        auth = ownerAuth();
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", "Import watcher " + UUID.randomUUID());
        webhook.put("endpoint", "http://127.0.0.1:9/hook");
        webhook.put("http_method", "POST");
        webhook.put("request_format", "json");
        webhook.put("status", "active");
        webhook.put("subscriptions", List.of("zen:event-type:ticket.created", "zen:event-type:ticket.comment_added"));
        Response created = api.send("POST", "/api/v2/webhooks", auth, DeskClient.json(Map.of("webhook", webhook)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        webhookId = created.json().at("/webhook/id").asString();
    }

    @AfterEach
    void dropTheWebhook() {
        assertThat(api.send("DELETE", "/api/v2/webhooks/" + webhookId, auth, null)
                        .status())
                .isEqualTo(204);
    }

    private long invocations() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_invocations WHERE webhook_id = :id")
                .param("id", Long.parseLong(webhookId))
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> historical(String subject, long authorId, Instant created) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("subject", subject);
        ticket.put("requester_id", authorId);
        ticket.put("status", "closed");
        ticket.put("created_at", created.toString());
        ticket.put("updated_at", created.plus(Duration.ofDays(3)).toString());
        ticket.put("solved_at", created.plus(Duration.ofDays(2)).toString());
        ticket.put(
                "comments",
                List.of(
                        Map.of(
                                "author_id",
                                authorId,
                                "value",
                                "First words of " + subject,
                                "created_at",
                                created.toString()),
                        Map.of(
                                "author_id",
                                authorId,
                                "body",
                                "A later reply",
                                "public",
                                false,
                                "created_at",
                                created.plus(Duration.ofDays(1)).toString())));
        return ticket;
    }

    @Nested
    class OneTicket {

        @Test
        void shouldKeepTheHistoricalTimesAndCommentsAndNotifyNoWebhook() {
            UserAccount requester = newUser(Role.END_USER);
            Instant created = Instant.parse("2019-03-04T05:06:07Z");
            long before = invocations();

            Response imported = api.send(
                    "POST",
                    "/api/v2/imports/tickets",
                    auth,
                    DeskClient.json(Map.of("ticket", historical("Imported once", requester.id(), created))));

            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(oas.violations("TicketResponse", OpenApiSchemas.parse(imported.body())))
                    .isEmpty();
            JsonNode ticket = imported.json().path("ticket");
            assertThat(ticket.path("created_at").asString()).isEqualTo("2019-03-04T05:06:07Z");
            assertThat(ticket.path("updated_at").asString()).isEqualTo("2019-03-07T05:06:07Z");
            assertThat(ticket.path("status").asString()).isEqualTo("closed");
            assertThat(ticket.path("description").asString()).isEqualTo("First words of Imported once");
            long id = ticket.path("id").asLong();
            JsonNode comments =
                    api.get("/api/v2/tickets/" + id + "/comments", auth).json().path("comments");
            assertThat(comments.findValuesAsString("created_at"))
                    .containsExactly("2019-03-04T05:06:07Z", "2019-03-05T05:06:07Z");
            assertThat(comments.findValuesAsString("author_id")).containsOnly(String.valueOf(requester.id()));
            assertThat(comments.get(1).path("public").asBoolean()).isFalse();
            JsonNode metrics =
                    api.get("/api/v2/tickets/" + id + "/metrics", auth).json();
            assertThat(metrics.at("/ticket_metric/solved_at").asString()).isEqualTo("2019-03-06T05:06:07Z");
            assertThat(invocations()).as("webhook invocations").isEqualTo(before);

            // The same webhook does fire for a live ticket: the check above can fail.
            api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    DeskClient.json(
                            Map.of("ticket", Map.of("subject", "Live", "comment", Map.of("body", "Live body")))));
            assertThat(invocations()).isGreaterThan(before);
        }

        @Test
        void shouldRefuseAnAgent() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth = DeskClient.tokenAuth(
                    agent.email(),
                    issueToken(
                            agent,
                            io.deskbridge.desk.apitoken.TokenScope.FULL,
                            io.deskbridge.desk.apitoken.AuthenticatesAs.OWNER_ONLY));
            Response refused = api.send(
                    "POST",
                    "/api/v2/imports/tickets",
                    agentAuth,
                    DeskClient.json(
                            Map.of("ticket", historical("Nope", agent.id(), Instant.parse("2020-01-01T00:00:00Z")))));
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    // Runs once, in the H2 pass: the import's SQL is the single ticket's, which OneTicket covers on both
    // databases; 10,000 tickets a second time only add minutes to the suite (issue 16, suite time).
    @Nested
    @Tag("h2-only")
    class TenThousandTickets {

        /**
         * 10,000 historical tickets imported as 100 create_many jobs of 100 (at most 30 queued at once,
         * Zendesk's job limit): every ticket keeps its times, no webhook fires, and the incremental
         * export serves them all, in generated_timestamp order.
         */
        @Test
        void shouldImportThemAllKeepingTheirTimesAndExportThemInGeneratedTimestampOrder() {
            UserAccount requester = newUser(Role.END_USER);
            String run = UUID.randomUUID().toString().substring(0, 8);
            // An active trigger every new ticket of this requester matches (issue 12 "Done when" 2:
            // imports fire none). A ticket made through the API first shows that it does fire.
            String firedTag = "fired_" + run;
            Response trigger = api.send(
                    "POST",
                    "/api/v2/triggers",
                    auth,
                    DeskClient.json(Map.of(
                            "trigger",
                            Map.of(
                                    "title",
                                    "Tag new tickets of " + run,
                                    "active",
                                    true,
                                    "conditions",
                                    Map.of(
                                            "all",
                                            List.of(
                                                    Map.of("field", "update_type", "operator", "is", "value", "Create"),
                                                    Map.of(
                                                            "field",
                                                            "requester_id",
                                                            "operator",
                                                            "is",
                                                            "value",
                                                            String.valueOf(requester.id()))),
                                            "any",
                                            List.of()),
                                    "actions",
                                    List.of(Map.of("field", "current_tags", "value", firedTag))))));
            assertThat(trigger.status()).as(trigger.body()).isEqualTo(201);
            String triggerId = trigger.json().at("/trigger/id").asString();
            try {
                Response control = api.send(
                        "POST",
                        "/api/v2/tickets",
                        auth,
                        DeskClient.json(Map.of(
                                "ticket",
                                Map.of(
                                        "subject", "Control " + run,
                                        "requester_id", requester.id(),
                                        "comment", Map.of("body", "Made through the API")))));
                assertThat(control.status()).as(control.body()).isEqualTo(201);
                assertThat(control.json().at("/ticket/tags").toString())
                        .as("the trigger fires on a ticket made through the API")
                        .contains(firedTag);
                importTenThousand(requester, run, firedTag);
            } finally {
                assertThat(api.send("DELETE", "/api/v2/triggers/" + triggerId, auth, null)
                                .status())
                        .isEqualTo(204);
            }
        }

        private void importTenThousand(UserAccount requester, String run, String firedTag) {
            Instant start = Instant.now(clock);
            long before = invocations();
            Instant base = Instant.parse("2015-01-01T00:00:00Z");
            Map<String, Instant> createdBySubject = new HashMap<>();
            List<String> pending = new ArrayList<>();
            List<String> jobs = new ArrayList<>();
            for (int job = 0; job < 100; job++) {
                List<Map<String, Object>> tickets = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = job * 100 + i;
                    String subject = "Import " + run + " #" + n;
                    // Historical times out of order with the import order: the export must not follow them.
                    Instant created = base.plus(Duration.ofHours((n * 7919L) % 50_000));
                    createdBySubject.put(subject, created);
                    tickets.add(historical(subject, requester.id(), created));
                }
                if (pending.size() >= 25) {
                    awaitAll(pending);
                    pending.clear();
                }
                Response queued = api.send(
                        "POST",
                        "/api/v2/imports/tickets/create_many",
                        auth,
                        DeskClient.json(Map.of("tickets", tickets)));
                assertThat(queued.status()).as(queued.body()).isEqualTo(200);
                pending.add(queued.json().at("/job_status/id").asString());
                jobs.add(queued.json().at("/job_status/id").asString());
            }
            awaitAll(pending);
            for (JsonNode job : api.get("/api/v2/job_statuses/show_many?ids=" + String.join(",", jobs), auth)
                    .json()
                    .path("job_statuses")) {
                assertThat(job.path("results").findValuesAsString("error")).isEmpty();
                assertThat(job.path("results").size()).isEqualTo(100);
            }
            assertThat(invocations()).as("webhook invocations").isEqualTo(before);

            clock.advance(Duration.ofSeconds(120));
            List<JsonNode> exported = new ArrayList<>();
            String next = "/api/v2/incremental/tickets/cursor?per_page=1000&start_time=" + (start.getEpochSecond() - 1);
            while (next != null) {
                Response page = api.get(next, auth);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                page.json().path("tickets").forEach(t -> {
                    if (t.path("subject").asString().startsWith("Import " + run + " #")) {
                        exported.add(t);
                    }
                });
                next = page.json().path("end_of_stream").asBoolean()
                        ? null
                        : page.json()
                                .path("after_url")
                                .asString()
                                .substring(baseUrl().length());
            }
            assertThat(exported).hasSize(10_000);
            long lastStamp = 0;
            long lastId = 0;
            for (JsonNode t : exported) {
                long stamp = t.path("generated_timestamp").asLong();
                long id = t.path("id").asLong();
                assertThat(stamp > lastStamp || (stamp == lastStamp && id > lastId))
                        .as("ticket %d (generated_timestamp %d) after ticket %d (%d)", id, stamp, lastId, lastStamp)
                        .isTrue();
                lastStamp = stamp;
                lastId = id;
                assertThat(Instant.parse(t.path("created_at").asString()))
                        .isEqualTo(createdBySubject.get(t.path("subject").asString()));
                assertThat(t.path("status").asString()).isEqualTo("closed");
                assertThat(t.path("tags").toString())
                        .as("tags of an imported ticket")
                        .doesNotContain(firedTag);
            }
        }

        private void awaitAll(List<String> ids) {
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> api
                            .get("/api/v2/job_statuses/show_many?ids=" + String.join(",", ids), auth)
                            .json()
                            .path("job_statuses")
                            .findValuesAsString("status")
                            .stream()
                            .allMatch("completed"::equals));
        }
    }
}
