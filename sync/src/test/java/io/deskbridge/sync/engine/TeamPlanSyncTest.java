package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.DeskAccessLog;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskExports;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.DeskSeed;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.deskbridge.sync.support.SyncedStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

/**
 * A desk of its own on the Team plan with its limits enforced (200 requests per minute, 10 incremental
 * export requests per minute, per clock minute, refilled at the minute boundary), seeded with the
 * subclass's dataset, desk's Tomcat access log and test double on, and one connection to it; {@link
 * #syncFromAMinute} runs a full sync that starts 300 ms after a minute boundary of desk's clock and
 * gathers what both sides saw.
 */
abstract class TeamPlanSyncTest extends SyncIntegrationTest {

    static final int EXPORTS_PER_MINUTE = 10;
    static final List<String> STREAMS = List.of("tickets", "users", "organizations", "ticket_comments");

    DeskAccessLog accessLog;
    DeskProcess desk;
    DeskAdmin admin;
    DeskAdmin.IssuedDeskToken token;
    long connectionId;

    abstract int tickets();

    abstract int users();

    abstract int organizations();

    abstract int pageSize();

    @BeforeAll
    void startDeskOnTheTeamPlan() {
        accessLog = new DeskAccessLog();
        Map<String, String> properties = new HashMap<>(accessLog.properties());
        properties.put(DeskProcess.TEST_DOUBLE, "true");
        desk = DeskProcess.start(properties);
        admin = desk.admin();
        admin.apiAccess(true, false);
        token = admin.createToken();
        DeskSeed.load(desk, organizations(), users(), tickets());
        admin.plan("team", false);
        JsonNode plan = admin.call("GET", "/api/v2/account/plan", null).get("plan");
        assertThat(plan.get("requests_per_minute").asInt()).isEqualTo(200);
        assertThat(plan.get("incremental_exports_per_minute").asInt()).isEqualTo(EXPORTS_PER_MINUTE);
        assertThat(plan.get("sandbox").asBoolean()).isFalse();
        Connection connection = connections.create(new NewConnection("desk on Team", desk.baseUrl()), Actor.system());
        connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()),
                new CredentialSource("the quota test", null),
                Actor.system());
        connectionId = connection.id();
    }

    @AfterAll
    void stopDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    /**
     * What one sync looked like from both sides.
     *
     * @param windowStart the minute {@code M0} of desk's clock the sync started in
     * @param t0 when the test asked for the sync (300 ms after {@code windowStart}, on desk's clock)
     * @param finished the latest run's {@code finished_at} (on desk's clock)
     * @param served the export requests desk's access log shows from {@code t0} on, by begin time
     * @param needed export requests the data needs per stream at the page size ({@link DeskExports#requests})
     * @param waits the runs as polled (every 500 ms) while they showed a wait ({@code wait_reason} set)
     */
    record Sync(
            Instant windowStart,
            Instant t0,
            List<JsonNode> runs,
            Instant finished,
            List<DeskAccessLog.Entry> served,
            Map<String, Integer> needed,
            List<PolledWait> waits) {

        int k() {
            return needed.values().stream().mapToInt(Integer::intValue).sum();
        }

        List<DeskAccessLog.Entry> ok() {
            return served.stream().filter(e -> e.status() == 200).toList();
        }

        long desk429() {
            return served.stream().filter(e -> e.status() == 429).count();
        }

        long sync429() {
            return runs.stream().mapToLong(r -> r.get("rate_limited").asLong()).sum();
        }

        long syncRequests() {
            return runs.stream().mapToLong(r -> r.get("requests").asLong()).sum();
        }

        /** Export requests desk served per clock minute. */
        Map<Instant, Long> perMinute() {
            return served.stream()
                    .collect(Collectors.groupingBy(
                            e -> e.begin().truncatedTo(ChronoUnit.MINUTES), TreeMap::new, Collectors.counting()));
        }

        Duration actual() {
            return Duration.between(t0, finished);
        }
    }

    /**
     * Moves desk's clock to 300 ms after its next minute (desk's windows are minutes of its own clock;
     * moving it forward replaces waiting for the minute), asks for a sync of every stream, waits for the
     * runs, reads desk's access log, then lifts the limits (sandbox clock) and counts the export requests
     * the data needs. Every time in the result is on desk's clock (the system clock plus desk's offset).
     */
    Sync syncFromAMinute(Duration timeout) throws InterruptedException {
        Duration offset = desk.clock().alignToNextMinute(Duration.ofMillis(300));
        Instant t0 = Instant.now().plus(offset);
        Instant windowStart = t0.truncatedTo(ChronoUnit.MINUTES);
        List<PolledWait> waits = new ArrayList<>();
        List<JsonNode> runs = syncAndWait(timeout, waits);
        Instant finished = runs.stream()
                .map(r -> Instant.parse(r.get("finished_at").asString()).plus(offset))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<DeskAccessLog.Entry> served = accessLog.entries().stream()
                .map(e -> e.plus(offset))
                .filter(e -> e.export() && !e.begin().isBefore(t0))
                .sorted(Comparator.comparing(DeskAccessLog.Entry::begin))
                .toList();
        // The limits are lifted only now, so the walks after the sync cost no export window.
        admin.plan("enterprise", true);
        Map<String, Integer> needed =
                new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token.value()).requests(pageSize());
        return new Sync(windowStart, t0, runs, finished, served, needed, List.copyOf(waits));
    }

    /** Sync's store equals what desk's exports serve (call after {@link #syncFromAMinute}). */
    void assertStoreEqualsDesk() {
        SyncedStore.assertEquals(
                jdbc, connectionId, new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token.value()).all());
        assertThat(SyncedStore.read(jdbc, connectionId).get("tickets")).hasSize(tickets());
    }

    /** The stream an export path belongs to. */
    static String stream(String path) {
        if (path.startsWith("/api/v2/incremental/tickets")) {
            return "tickets";
        }
        if (path.startsWith("/api/v2/incremental/users")) {
            return "users";
        }
        if (path.startsWith("/api/v2/incremental/organizations")) {
            return "organizations";
        }
        return "ticket_comments";
    }

    /** A run's JSON as polled at {@code polledAt} while it showed a wait. */
    record PolledWait(Instant polledAt, JsonNode run) {}

    /** POST /syncs for every stream, then the runs once none is queued or running; collects the waits seen. */
    private List<JsonNode> syncAndWait(Duration timeout, List<PolledWait> waits) throws InterruptedException {
        SyncClient.Response queued =
                api.send("POST", "/api/connections/" + connectionId + "/syncs", operatorAuth(), null);
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        List<Long> ids = new ArrayList<>();
        queued.json().get("runs").forEach(run -> ids.add(run.get("id").asLong()));
        assertThat(ids).hasSize(STREAMS.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> runs = new ArrayList<>();
            for (long id : ids) {
                Instant polledAt = Instant.now();
                JsonNode run = api.get("/api/runs/" + id, operatorAuth()).json().get("run");
                runs.add(run);
                if (!run.get("wait_reason").isNull()) {
                    waits.add(new PolledWait(polledAt, run));
                }
            }
            if (runs.stream()
                    .noneMatch(r ->
                            Set.of("queued", "running").contains(r.get("state").asString()))) {
                return runs;
            }
            assertThat(System.nanoTime())
                    .as("runs finish within " + timeout + ": " + runs)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
