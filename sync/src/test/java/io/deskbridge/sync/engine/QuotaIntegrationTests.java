package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.DeskAccessLog;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskExportPages;
import io.deskbridge.sync.support.DeskExports;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.DeskSeed;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.deskbridge.sync.support.SyncedStore;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5, "Done when" 3: desk on the Team plan with its limits enforced (200 requests per minute,
 * 10 incremental export requests per minute, both per clock minute and refilled at the minute
 * boundary), sync allowed the whole export budget ({@code sync.engine.quota-share=1.0}) and a
 * dataset that needs about 26 export requests of {@value #PAGE_SIZE} records, so three export
 * windows. The sync must finish with no 429 after the first and within 1.1× of the theoretical
 * minimum.
 *
 * <p>The theoretical minimum, precisely. Let {@code k} be the number of export requests the data
 * needs at this page size (counted independently by walking desk's four exports with {@link
 * DeskExportPages}), {@code t0} the moment the test asks for the sync (300 ms after a clock-minute
 * boundary {@code M0}), and {@code M_i = M0 + i minutes} the start of export window {@code i}. A
 * window serves at most 10 export requests, so the {@code k}-th request cannot be served before
 * window {@code w = ceil(k / 10) - 1}, which starts at {@code M_w}. The requests beyond the first
 * {@code 10·w} cannot start earlier either; each stream's requests follow one another (a page's
 * cursor names the next page), streams run side by side. So the earliest possible finish is {@code
 * M_w + S}, where {@code S} is the longest per-stream sum of desk's own serving times (from desk's
 * access log, begin to end of the response) of the last {@code k - 10·w} export requests desk served;
 * sync's time to store them is not counted, which makes the minimum a strict lower bound. Minimum
 * duration = {@code M_w + S - t0}; actual duration = the latest run's {@code finished_at} - {@code
 * t0}. Both are printed with their ratio.
 *
 * <p>The 429s are counted twice, independently: from sync's runs ({@code rate_limited}) and from
 * desk's own access log (desk does not log its refusals otherwise); both must agree.
 *
 * <p>Decision, which database run: PostgreSQL only (tag {@code postgres-only}), the production
 * setup; the engine's pacing does not depend on the database, and the test takes about three
 * minutes.
 *
 * <p>Decision, a timing assertion: the project keeps timing out of tests, but the issue makes this
 * one a "Done when" point. The bound is about windows, not speed: a sync that wastes one export
 * window takes 60 s longer (a ratio of about 1.5), while the slack the test allows (12 s) is far above
 * what a slow machine adds to storing three windows' pages.
 */
@Tag("postgres-only")
@TestPropertySource(
        properties = {"sync.engine.quota-share=1.0", "sync.engine.page-size=" + QuotaIntegrationTests.PAGE_SIZE})
class QuotaIntegrationTests extends SyncIntegrationTest {

    static final int PAGE_SIZE = 100;
    static final int TICKETS = 900;
    static final int USERS = 400;
    static final int ORGANIZATIONS = 50;
    static final int EXPORTS_PER_MINUTE = 10;
    static final List<String> STREAMS = List.of("tickets", "users", "organizations", "ticket_comments");

    private DeskAccessLog accessLog;
    private DeskProcess desk;
    private DeskAdmin admin;
    private DeskAdmin.IssuedDeskToken token;
    private long connectionId;

    @BeforeAll
    void startDesk() throws SQLException {
        accessLog = new DeskAccessLog();
        desk = DeskProcess.start(accessLog.properties());
        admin = desk.admin();
        admin.apiAccess(true, false);
        token = admin.createToken();
        DeskSeed.load(desk, ORGANIZATIONS, USERS, TICKETS);
        olderThanTheFreshnessWindow();
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

    /**
     * desk's own users (the admin, created when desk started) are seconds old: on the Team plan the
     * export would serve them only 60 s later, while the comparison afterwards (on the sandbox clock,
     * 2 s) would already see them. Dating them back, as the seeded records are, makes both see the
     * same data from the start.
     */
    private void olderThanTheFreshnessWindow() throws SQLException {
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5);
        try (java.sql.Connection db = DriverManager.getConnection(desk.jdbcUrl(), desk.jdbcUser(), "")) {
            for (String table : List.of("users", "organizations")) {
                try (PreparedStatement ps =
                        db.prepareStatement("UPDATE " + table + " SET updated_at = ? WHERE updated_at > ?")) {
                    ps.setObject(1, old);
                    ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
                    ps.executeUpdate();
                }
            }
        }
    }

    @AfterAll
    void stopDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void shouldSyncWithoutA429AfterTheFirstWithinATenthOverTheMinimumTheExportLimitAllows() throws Exception {
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        sleepUntil(windowStart.plusMillis(300));
        Instant t0 = Instant.now();
        List<JsonNode> runs = syncAndWait(Duration.ofMinutes(8));
        Instant finished = runs.stream()
                .map(r -> Instant.parse(r.get("finished_at").asString()))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<DeskAccessLog.Entry> served = accessLog.entries().stream()
                .filter(e -> e.export() && !e.begin().isBefore(t0))
                .sorted(Comparator.comparing(DeskAccessLog.Entry::begin))
                .toList();

        // The limits are lifted only now, so the walks below cost no export window.
        admin.plan("enterprise", true);
        Map<String, Integer> needed =
                new DeskExportPages(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token.value()).requests(PAGE_SIZE);
        int k = needed.values().stream().mapToInt(Integer::intValue).sum();
        int w = (k + EXPORTS_PER_MINUTE - 1) / EXPORTS_PER_MINUTE - 1;
        Instant lastWindow = windowStart.plus(Duration.ofMinutes(w));
        List<DeskAccessLog.Entry> ok =
                served.stream().filter(e -> e.status() == 200).toList();
        List<DeskAccessLog.Entry> beyond = ok.subList(Math.max(0, ok.size() - (k - EXPORTS_PER_MINUTE * w)), ok.size());
        long lastServing = beyond.stream()
                .collect(Collectors.groupingBy(e -> stream(e.path()), Collectors.summingLong(e -> e.servedMillis())))
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        Duration minimum = Duration.between(t0, lastWindow).plusMillis(lastServing);
        Duration actual = Duration.between(t0, finished);
        double ratio = actual.toMillis() / (double) minimum.toMillis();
        long desk429 = served.stream().filter(e -> e.status() == 429).count();
        long sync429 =
                runs.stream().mapToLong(r -> r.get("rate_limited").asLong()).sum();
        long syncRequests =
                runs.stream().mapToLong(r -> r.get("requests").asLong()).sum();
        Map<Instant, Long> perMinute = served.stream()
                .collect(Collectors.groupingBy(
                        e -> e.begin().truncatedTo(ChronoUnit.MINUTES), TreeMap::new, Collectors.counting()));
        System.out.printf(
                "Quota test (Team plan, %d export requests/min, quota share 1.0, %d records per page):%n"
                        + "  export requests needed k = %d %s -> %d windows; sync made %d (desk served %d, %d of them"
                        + " 200); per clock minute %s%n"
                        + "  first request %d ms after t0; last %d requests served in %d ms (longest stream)%n"
                        + "  actual duration %.3f s, theoretical minimum %.3f s, ratio %.4f%n"
                        + "  429s: %d counted by sync's runs, %d in desk's access log%n",
                EXPORTS_PER_MINUTE,
                PAGE_SIZE,
                k,
                needed,
                w + 1,
                syncRequests,
                served.size(),
                ok.size(),
                perMinute.values(),
                Duration.between(t0, served.get(0).begin()).toMillis(),
                beyond.size(),
                lastServing,
                actual.toMillis() / 1000.0,
                minimum.toMillis() / 1000.0,
                ratio,
                sync429,
                desk429);

        assertThat(runs)
                .allSatisfy(run -> assertThat(run.get("state").asString())
                        .as(run.toString())
                        .isEqualTo("succeeded"));
        assertThat(k).as("export requests the data needs: more than one window").isGreaterThan(2 * EXPORTS_PER_MINUTE);
        assertThat(desk429).as("429s desk answered (at most the first)").isLessThanOrEqualTo(1);
        assertThat(sync429).as("429s sync's runs counted").isEqualTo(desk429);
        assertThat(syncRequests)
                .as("export requests sync counted vs desk served")
                .isEqualTo(served.size());
        assertThat(ok).as("pages sync asked for: each needed page exactly once").hasSize(k);
        assertThat(perMinute.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(EXPORTS_PER_MINUTE));
        assertThat(ratio).as("actual / theoretical minimum").isLessThanOrEqualTo(1.1);

        SyncedStore.assertEquals(
                jdbc, connectionId, new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token.value()).all());
        assertThat(SyncedStore.read(jdbc, connectionId).get("tickets")).hasSize(TICKETS);
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

    /** POST /syncs for every stream, then the runs once none is queued or running. */
    private List<JsonNode> syncAndWait(Duration timeout) throws InterruptedException {
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
                runs.add(api.get("/api/runs/" + id, operatorAuth()).json().get("run"));
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

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
