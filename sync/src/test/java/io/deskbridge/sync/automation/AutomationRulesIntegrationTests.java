package io.deskbridge.sync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.DeskSeed;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, automation rules, "Done when" 1 and 3 against desk in its own JVM over real HTTP: the
 * rule "priority urgent and tag vip → group Tier 2, tag escalated, internal note, notify" fires
 * exactly once per matching change ({@link #CHANGES} of them), desk shows each write-back, the
 * endpoint gets one signed POST per firing, the write-backs synced back fire nothing, and the dry run
 * over the same recorded changes lists exactly the ledger's firings. desk runs on the sandbox clock
 * (2 s export freshness); the context is the one {@code EndToEndSyncIntegrationTests} uses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = "sync.engine.pacing=retry-after-only")
class AutomationRulesIntegrationTests extends SyncIntegrationTest {

    /** The 1,000 (about a minute on H2 and PostgreSQL); fewer with {@code -Dsync.automation.changes=N}. */
    static final int CHANGES = Integer.getInteger("sync.automation.changes", 1000);

    static final int NOT_MATCHING = 50;
    static final String NOTE = "Escalated to Tier 2: an urgent ticket from a VIP customer";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeskProcess desk;
    private DeskAdmin admin;
    private DeskSeed.Seeded seeded;
    private NotifyEndpoint endpoint;
    private long connectionId;
    private long tier2;
    private long ruleId;
    private String secret;
    private Set<Long> matching;
    private Set<Long> notMatching;

    @BeforeAll
    void startDeskAndSyncOnce() {
        desk = DeskProcess.start(Map.of("desk.rate-limit.enforce", "false"));
        admin = desk.admin();
        admin.apiAccess(true, false);
        admin.plan("enterprise", true);
        DeskAdmin.IssuedDeskToken token = admin.createToken();
        seeded = DeskSeed.load(desk, 10, 100, CHANGES + 2 * NOT_MATCHING);
        tier2 = admin.call("POST", "/api/v2/groups", Map.of("group", Map.of("name", "Tier 2")))
                .path("group")
                .path("id")
                .asLong();
        Connection connection =
                connections.create(new NewConnection("desk automation", desk.baseUrl()), Actor.system());
        connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()),
                new CredentialSource("the automation test", null),
                Actor.system());
        connectionId = connection.id();
        endpoint = new NotifyEndpoint();
        // @BeforeEach gives each test its client; the first sync needs one before any test runs.
        api = SyncClient.stateless(baseUrl());
        syncAndWait(connectionId);
        long first = seeded.firstTicket();
        matching = range(first, CHANGES);
        notMatching = range(first + CHANGES, 2 * NOT_MATCHING);
    }

    @AfterAll
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Validation {

        @Test
        void shouldRefuseAnOperatorTheFieldDoesNotTakeNamingIt() {
            SyncClient.Response answer = create(Map.of(
                    "title",
                    "bad",
                    "event",
                    "ticket.updated",
                    "conditions",
                    Map.of("all", List.of(Map.of("field", "priority", "operator", "includes", "value", "urgent"))),
                    "actions",
                    List.of(Map.of("field", "status", "value", "open"))));

            assertThat(answer.status()).isEqualTo(422);
            JsonNode body = answer.json();
            assertThat(body.get("error").asString()).isEqualTo("RecordInvalid");
            assertThat(body.get("details")
                            .get("conditions.all[0].operator")
                            .get(0)
                            .get("description")
                            .asString())
                    .isEqualTo("conditions.all[0].operator \"includes\" does not apply to priority; use one of"
                            + " [changed, changed_from, changed_to, greater_than, is, is_not, less_than, not_changed]");
        }

        @Test
        void shouldRefuseAnEndpointTheAddressPolicyForbids() {
            SyncClient.Response answer = create(Map.of(
                    "title",
                    "metadata",
                    "event",
                    "ticket.created",
                    "actions",
                    List.of(Map.of("field", "notify", "value", "http://169.254.169.254/latest/meta-data"))));

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.json()
                            .get("details")
                            .get("actions[0].value")
                            .get(0)
                            .get("description")
                            .asString())
                    .startsWith("actions[0].value for notify must be an endpoint sync's address policy allows")
                    .contains("169.254.169.254");
            assertThat(api.get("/api/connections/" + connectionId + "/rules", operatorAuth())
                            .json()
                            .get("rules"))
                    .noneMatch(r -> r.get("title").asString().equals("metadata"));
        }

        @Test
        void shouldAnswerNotFoundForAnotherConnectionsRule() {
            SyncClient.Response answer =
                    api.get("/api/connections/" + connectionId + "/rules/999999/history", operatorAuth());

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("description").asString())
                    .isEqualTo("Connection " + connectionId + " has no automation rule 999999");
        }
    }

    @Test
    @Order(1)
    void shouldFireExactlyOncePerMatchingChangeAndNeverOnItsOwnWriteBack() throws Exception {
        SyncClient.Response created = create(Map.of(
                "title",
                "VIP urgent to Tier 2",
                "event",
                "ticket.updated",
                "conditions",
                Map.of(
                        "all",
                        List.of(
                                Map.of("field", "priority", "operator", "is", "value", "urgent"),
                                Map.of("field", "tags", "operator", "includes", "value", "vip"))),
                "actions",
                List.of(
                        Map.of("field", "group_id", "value", tier2),
                        Map.of("field", "add_tags", "value", "escalated"),
                        Map.of("field", "internal_note", "value", NOTE),
                        Map.of("field", "notify", "value", endpoint.url()))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ruleId = created.json().get("rule").get("id").asLong();
        secret = SecretLedger.issued(created.json().get("signing_secret").asString());
        assertThat(created.json()
                        .get("rule")
                        .get("conditions")
                        .get("all")
                        .get(1)
                        .get("field")
                        .asString())
                .as("stored with Zendesk's field name")
                .isEqualTo("current_tags");

        long started = System.nanoTime();
        change(matching, Map.of("priority", "urgent", "additional_tags", List.of("vip")));
        change(range(first(notMatching), NOT_MATCHING), Map.of("priority", "urgent"));
        change(
                range(first(notMatching) + NOT_MATCHING, NOT_MATCHING),
                Map.of("priority", "low", "additional_tags", List.of("vip")));

        awaitSyncedUntil(
                "every matching change is decided", () -> history().get("count").asLong() >= CHANGES);
        await(
                "every firing is carried out",
                () -> history()
                        .get("firings")
                        .valueStream()
                        .allMatch(f -> f.get("state").asString().equals("done")));
        double seconds = (System.nanoTime() - started) / 1e9;
        // The write-backs come back with the next syncs: each is recognised as the rule's echo.
        awaitSyncedUntil("every write-back is synced back", () -> echoes() >= CHANGES);
        System.out.printf(
                "Automation (%s): %d matching changes decided and carried out in %.1f s%n",
                System.getProperty("sync.test.database", "h2"), CHANGES, seconds);

        JsonNode history = history();
        assertThat(history.get("count").asLong())
                .as("firings after the echoes were synced")
                .isEqualTo(CHANGES);
        List<JsonNode> firings = history.get("firings").valueStream().toList();
        assertThat(firings.stream().map(f -> f.get("ticket_id").asLong()).collect(Collectors.toSet()))
                .isEqualTo(matching);
        assertThat(firings).allSatisfy(f -> {
            assertThat(f.get("chain_depth").asInt()).isZero();
            assertThat(f.get("actions").valueStream().map(a -> a.get("field").asString()))
                    .containsExactly("group_id", "add_tags", "internal_note", "notify");
            assertThat(f.get("actions").valueStream().map(a -> a.get("outcome").asString()))
                    .as(f.toString())
                    .containsOnly("succeeded");
        });
        assertThat(echoes()).isEqualTo(CHANGES);

        Map<Long, Integer> notes = notesInDesk();
        assertThat(notes)
                .as("the rule's note, once on each matching ticket and on no other")
                .hasSize(CHANGES);
        assertThat(new TreeSet<>(notes.keySet())).isEqualTo(matching);
        assertThat(notes.values()).containsOnly(1);
        for (long id : List.of(first(matching), first(matching) + CHANGES / 2, first(matching) + CHANGES - 1)) {
            JsonNode ticket = admin.call("GET", "/api/v2/tickets/" + id, null).get("ticket");
            assertThat(ticket.get("group_id").asLong()).isEqualTo(tier2);
            assertThat(ticket.get("tags").valueStream().map(JsonNode::asString)).contains("vip", "escalated");
        }
        JsonNode untouched =
                admin.call("GET", "/api/v2/tickets/" + first(notMatching), null).get("ticket");
        assertThat(untouched.get("tags").valueStream().map(JsonNode::asString)).doesNotContain("escalated");

        List<NotifyEndpoint.Delivery> deliveries = endpoint.deliveries();
        assertThat(deliveries).hasSize(CHANGES);
        assertThat(deliveries.stream().map(NotifyEndpoint.Delivery::deliveryId).distinct())
                .hasSize(CHANGES);
        assertThat(deliveries).allMatch(d -> d.signedWith(secret), "signed with the rule's secret");
        assertThat(deliveries).noneMatch(d -> d.signedWith(secret + "x"));
        Set<Long> notified = new TreeSet<>();
        for (NotifyEndpoint.Delivery d : deliveries) {
            JsonNode body = JSON.readTree(d.body());
            assertThat(body.get("rule").get("id").asLong()).isEqualTo(ruleId);
            assertThat(body.get("delivery_id").asString()).isEqualTo(d.deliveryId());
            assertThat(body.get("context").get("ticket").get("id").asLong())
                    .isEqualTo(body.get("ticket_id").asLong());
            notified.add(body.get("ticket_id").asLong());
        }
        assertThat(notified).isEqualTo(matching);
    }

    @Test
    @Order(2)
    void shouldListInTheDryRunExactlyWhatTheLiveRuleDid() {
        assertThat(ruleId).as("the live rule ran").isPositive();
        SyncClient.Response answer = api.send(
                "POST",
                "/api/connections/" + connectionId + "/rules/" + ruleId + "/dry-run?days=1",
                operatorAuth(),
                null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode dryRun = answer.json().get("dry_run");

        Map<Long, Long> listed = new TreeMap<>();
        dryRun.get("matches").forEach(m -> {
            assertThat(m.get("planned").get("ticket_update").toString())
                    .isEqualTo(
                            "{\"group_id\":" + tier2 + ",\"additional_tags\":[\"escalated\"],\"comment\":{\"body\":\""
                                    + NOTE + "\",\"public\":false}}");
            assertThat(m.get("planned").get("notify_url").asString()).isEqualTo(endpoint.url());
            listed.put(m.get("ticket_id").asLong(), m.get("ticket_version").asLong());
        });
        Map<Long, Long> fired = new TreeMap<>();
        history()
                .get("firings")
                .forEach(f -> fired.put(
                        f.get("ticket_id").asLong(), f.get("ticket_version").asLong()));
        assertThat(dryRun.get("matches")).hasSize(CHANGES);
        assertThat(listed).isEqualTo(fired);
        assertThat(dryRun.get("evaluated").asLong())
                .as("the changes, the write-backs' echoes and the non-matching changes were all evaluated")
                .isGreaterThanOrEqualTo(2L * CHANGES + 2 * NOT_MATCHING);
    }

    private SyncClient.Response create(Map<String, Object> rule) {
        return api.send(
                "POST",
                "/api/connections/" + connectionId + "/rules",
                operatorAuth(),
                SyncClient.json(Map.of("rule", rule)));
    }

    private JsonNode history() {
        SyncClient.Response answer = api.get(
                "/api/connections/" + connectionId + "/rules/" + ruleId + "/history?limit=1000", operatorAuth());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("history");
    }

    private long echoes() {
        // Ticket versions only: the rule's note comes back as a comment too, recorded as its echo as well.
        return jdbc.sql("SELECT COUNT(*) FROM automation_changes WHERE connection_id = :c AND echo_rule_id = :r"
                        + " AND event <> 'ticket.comment_added'")
                .param("c", connectionId)
                .param("r", ruleId)
                .query(Long.class)
                .single();
    }

    /** Changes the tickets through desk's API, four at a time. */
    private void change(Set<Long> ids, Map<String, Object> fields) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (long id : ids) {
                calls.add(pool.submit(() -> admin.call("PUT", "/api/v2/tickets/" + id, Map.of("ticket", fields))));
            }
            for (Future<JsonNode> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ticket id → how many comments carry the rule's note, read from desk's database. */
    private Map<Long, Integer> notesInDesk() throws Exception {
        Map<Long, Integer> notes = new HashMap<>();
        try (java.sql.Connection db = DriverManager.getConnection(desk.jdbcUrl(), desk.jdbcUser(), "");
                PreparedStatement ps = db.prepareStatement(
                        "SELECT ticket_id, COUNT(*), MIN(CASE WHEN is_public THEN 1 ELSE 0 END) FROM ticket_comments"
                                + " WHERE body = ? GROUP BY ticket_id")) {
            ps.setString(1, NOTE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getInt(3)).as("the note is internal").isZero();
                    notes.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return notes;
    }

    /** Syncs again and again (desk serves changes 2 s old) until {@code done}, within 3 minutes. */
    private void awaitSyncedUntil(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            Thread.sleep(2_100);
            syncAndWait(connectionId);
            if (done.getAsBoolean()) {
                return;
            }
            assertThat(System.nanoTime()).as(what + " within 3 minutes").isLessThan(deadline);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Set<Long> range(long first, int count) {
        return LongStream.range(first, first + count).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static long first(Set<Long> ids) {
        return ids.iterator().next();
    }
}
