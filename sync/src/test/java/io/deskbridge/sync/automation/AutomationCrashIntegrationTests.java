package io.deskbridge.sync.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskGate;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.DeskSeed;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, automation rules, "Done when" 2: sync in its own JVM carries out a rule's actions for
 * {@link #TICKETS} matching changes and is killed with SIGKILL {@link #KILLS} times exactly between an
 * action and its ledger record — right after desk answered a write-back (the ticket changed, sync
 * never saw the answer) or right after the endpoint received a notification (before it answered) —
 * at random action counts, then started again. In the end every change fired once: each ticket has
 * the rule's note exactly once, every write-back cut off by a kill was recognised instead of repeated,
 * every notification arrived, and only the ones cut off by a kill arrived twice, with the same
 * delivery id. One executor thread, so exactly one action is in flight at each kill. The seed is
 * printed (rerun with {@code -Dsync.automation.crash.seed=<seed>}).
 */
// Runs once, in the H2 pass: there a kill -9 also kills the database inside sync's JVM, the harder
// case; the ledger's SQL on PostgreSQL is covered by AutomationRulesIntegrationTests (issue 16, suite time).
@Tag("h2-only")
class AutomationCrashIntegrationTests {

    static final int TICKETS = 40;
    static final int KILLS = 5;
    static final String NOTE = "Escalated to Tier 2 (crash test)";
    private static final Pattern TICKET_WRITE = Pattern.compile("/api/v2/tickets/\\d+\\.json");

    static {
        SecretLedger.install();
    }

    enum Point {
        AFTER_TICKET_WRITE,
        AFTER_NOTIFICATION
    }

    /** The next kill: at which kind of action and at which count of it. */
    record Armed(Point point, int at) {}

    private final Object lock = new Object();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger notifications = new AtomicInteger();
    private Armed armed;
    private CountDownLatch killed = new CountDownLatch(1);
    private final List<String> killedDeliveries = new ArrayList<>();
    private final List<Armed> fired = new ArrayList<>();
    private SyncProcess sync;

    @Test
    void shouldLoseAndRepeatNoActionWhenKilledBetweenActionAndLedgerRecord() throws Exception {
        long seed = Long.getLong("sync.automation.crash.seed", System.nanoTime());
        System.out.println("AutomationCrashIntegrationTests seed: " + seed
                + " (rerun with -Dsync.automation.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        try (DeskProcess desk = DeskProcess.start(Map.of("desk.rate-limit.enforce", "false"));
                DeskGate gate = DeskGate.in(desk.baseUrl());
                NotifyEndpoint endpoint = new NotifyEndpoint()) {
            DeskAdmin admin = desk.admin();
            admin.apiAccess(true, false);
            admin.plan("enterprise", true);
            DeskAdmin.IssuedDeskToken token = admin.createToken();
            DeskSeed.Seeded seeded = DeskSeed.load(desk, 2, 10, TICKETS);
            long tier2 = admin.call("POST", "/api/v2/groups", Map.of("group", Map.of("name", "Tier 2")))
                    .path("group")
                    .path("id")
                    .asLong();
            gate.onAnswered(exchange -> {
                if (exchange.method().equals("PUT")
                        && exchange.status() == 200
                        && TICKET_WRITE.matcher(exchange.path()).matches()) {
                    killIfArmed(Point.AFTER_TICKET_WRITE, writes.incrementAndGet(), null);
                }
            });
            endpoint.beforeAnswer(
                    d -> killIfArmed(Point.AFTER_NOTIFICATION, notifications.incrementAndGet(), d.deliveryId()));
            sync = SyncProcess.start(Map.of(
                    "sync.engine.pacing", "retry-after-only",
                    "sync.engine.polling-interval", "1s",
                    "sync.engine.heartbeat-interval", "1s",
                    "sync.engine.missed-heartbeats", "4",
                    "sync.engine.housekeeping-interval", "2s",
                    "sync.automation.threads", "1",
                    "sync.automation.lease", "2s",
                    "sync.automation.polling-interval", "200ms",
                    "sync.automation.retry-backoff", "200ms"));
            try {
                SyncClient api = SyncClient.stateless(sync.baseUrl());
                long connectionId = connect(api, sync.baseUrl(), gate.baseUrl(), token.value());
                syncAndWait(api, connectionId);
                SyncClient.Response created = api.send(
                        "POST",
                        "/api/connections/" + connectionId + "/rules",
                        SyncProcess.operatorAuth(),
                        SyncClient.json(Map.of(
                                "rule",
                                Map.of(
                                        "title",
                                        "VIP urgent to Tier 2",
                                        "event",
                                        "ticket.updated",
                                        "conditions",
                                        Map.of(
                                                "all",
                                                List.of(
                                                        Map.of(
                                                                "field", "priority",
                                                                "operator", "is",
                                                                "value", "urgent"),
                                                        Map.of(
                                                                "field", "current_tags",
                                                                "operator", "includes",
                                                                "value", "vip"))),
                                        "actions",
                                        List.of(
                                                Map.of("field", "group_id", "value", tier2),
                                                Map.of("field", "add_tags", "value", "escalated"),
                                                Map.of("field", "internal_note", "value", NOTE),
                                                Map.of("field", "notify", "value", endpoint.url()))))));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                long ruleId = created.json().get("rule").get("id").asLong();
                SecretLedger.issued(created.json().get("signing_secret").asString());

                arm(random);
                for (long id = seeded.firstTicket(); id <= seeded.lastTicket(); id++) {
                    admin.call(
                            "PUT",
                            "/api/v2/tickets/" + id,
                            Map.of("ticket", Map.of("priority", "urgent", "additional_tags", List.of("vip"))));
                }
                // desk exports changes 2 s old: sync until every change is decided, killing on the way.
                int kills = 0;
                List<String> points = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
                while (kills < KILLS) {
                    assertThat(System.nanoTime())
                            .as("kill " + (kills + 1) + " lands within 6 minutes; sync's log:\n" + sync.log())
                            .isLessThan(deadline);
                    if (currentLatch().await(2, TimeUnit.SECONDS)) {
                        Armed next = lastFired();
                        kills++;
                        points.add(next.point() + " #" + next.at());
                        System.out.printf("Kill %d: %s #%d%n", kills, next.point(), next.at());
                        sync.launch();
                        if (kills < KILLS) {
                            arm(random);
                        }
                    } else if (count(sync, "SELECT COUNT(*) FROM automation_ledger") < TICKETS) {
                        syncAndWait(api, connectionId);
                    }
                }
                System.out.println("Kill points: " + points);

                await(
                        "every ledger entry is done",
                        () -> count(sync, "SELECT COUNT(*) FROM automation_ledger WHERE" + " state = 'DONE'")
                                == TICKETS);
                // The write-backs come back with the next syncs, and fire nothing.
                long echoes = 0;
                while (echoes < TICKETS) {
                    assertThat(System.nanoTime())
                            .as("the write-backs are synced back")
                            .isLessThan(deadline);
                    Thread.sleep(2_100);
                    syncAndWait(api, connectionId);
                    echoes = count(
                            sync,
                            "SELECT COUNT(*) FROM automation_changes WHERE echo_rule_id = " + ruleId
                                    + " AND event <> 'ticket.comment_added'");
                }

                assertThat(count(sync, "SELECT COUNT(*) FROM automation_ledger"))
                        .isEqualTo(TICKETS);
                assertThat(count(sync, "SELECT COUNT(DISTINCT ticket_id) FROM automation_ledger"))
                        .isEqualTo(TICKETS);
                long ticketKills = points.stream()
                        .filter(p -> p.startsWith(Point.AFTER_TICKET_WRITE.name()))
                        .count();
                assertThat(count(sync, "SELECT COUNT(*) FROM automation_ledger WHERE ticket_outcome = 'RECOGNISED'"))
                        .as("write-backs cut off by a kill, recognised in the ticket instead of written again")
                        .isEqualTo(ticketKills);
                assertThat(count(sync, "SELECT COUNT(*) FROM automation_ledger WHERE ticket_outcome = 'SUCCEEDED'"))
                        .isEqualTo(TICKETS - ticketKills);
                assertThat(count(sync, "SELECT COUNT(*) FROM automation_ledger WHERE notify_outcome = 'SUCCEEDED'"))
                        .isEqualTo(TICKETS);

                try (Connection db = DriverManager.getConnection(desk.jdbcUrl(), desk.jdbcUser(), "")) {
                    assertThat(single(
                                    db,
                                    "SELECT COUNT(*) FROM ticket_comments WHERE body = ? AND ticket_id BETWEEN "
                                            + seeded.firstTicket() + " AND " + seeded.lastTicket(),
                                    NOTE))
                            .as("the rule's note, on each ticket once")
                            .isEqualTo(TICKETS);
                    assertThat(single(db, "SELECT COUNT(DISTINCT ticket_id) FROM ticket_comments WHERE body = ?", NOTE))
                            .isEqualTo(TICKETS);
                    assertThat(single(
                                    db,
                                    "SELECT COUNT(*) FROM tickets WHERE group_id = " + tier2 + " AND id BETWEEN "
                                            + seeded.firstTicket() + " AND " + seeded.lastTicket(),
                                    null))
                            .isEqualTo(TICKETS);
                }

                Map<String, Integer> received = new HashMap<>();
                endpoint.deliveries().forEach(d -> received.merge(d.deliveryId(), 1, Integer::sum));
                assertThat(received).as("every notification arrived").hasSize(TICKETS);
                Map<String, Integer> expected = new HashMap<>();
                received.keySet().forEach(id -> expected.put(id, 1));
                synchronized (lock) {
                    killedDeliveries.forEach(id -> expected.merge(id, 1, Integer::sum));
                }
                assertThat(received)
                        .as("only notifications cut off by a kill arrived again, with the same delivery id")
                        .isEqualTo(expected);
                assertThat(sync.starts()).isEqualTo(KILLS + 1);
                String log = sync.log();
                for (String secret : SecretLedger.secrets()) {
                    assertThat(log).as("sync's output").doesNotContain(secret);
                }
            } finally {
                sync.close();
            }
        }
    }

    /** The next kill: a random kind, 1 to 6 actions of that kind from now. */
    private void arm(Random random) {
        synchronized (lock) {
            Point point = Point.values()[random.nextInt(2)];
            int from = point == Point.AFTER_TICKET_WRITE ? writes.get() : notifications.get();
            armed = new Armed(point, from + 1 + random.nextInt(6));
            killed = new CountDownLatch(1);
        }
    }

    private CountDownLatch currentLatch() {
        synchronized (lock) {
            return killed;
        }
    }

    private Armed lastFired() {
        synchronized (lock) {
            return fired.get(fired.size() - 1);
        }
    }

    private void killIfArmed(Point point, int count, String deliveryId) {
        CountDownLatch latch;
        synchronized (lock) {
            if (armed == null || armed.point() != point || armed.at() != count) {
                return;
            }
            fired.add(armed);
            armed = null;
            if (deliveryId != null) {
                killedDeliveries.add(deliveryId);
            }
            latch = killed;
        }
        sync.kill();
        latch.countDown();
    }

    private static long connect(SyncClient api, String syncUrl, String address, String token) {
        SyncClient.Response created = api.send(
                "POST",
                "/api/connections",
                SyncProcess.operatorAuth(),
                SyncClient.json(
                        Map.of("connection", Map.of("name", "desk automation crash test", "address", address))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("connection").get("id").asLong();
        SyncClient.Response link =
                api.send("POST", "/api/connections/" + id + "/request-links", SyncProcess.operatorAuth(), null);
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String url = link.json().get("request_link").get("url").asString();
        String path = "/handover/" + SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
        SyncClient browser = SyncClient.browser(syncUrl);
        SyncClient.Response page = browser.get(path);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        browser.form(
                path,
                Map.of(
                        "_csrf",
                        SyncClient.csrfFrom(page.body()),
                        "email",
                        DeskProcess.ADMIN_EMAIL,
                        "api_token",
                        token));
        JsonNode connection = api.get("/api/connections/" + id, SyncProcess.operatorAuth())
                .json()
                .get("connection");
        assertThat(connection.get("state").asString()).isEqualTo("ready");
        return id;
    }

    /** POST /syncs, then waits until every stream is idle after a succeeded run. */
    private void syncAndWait(SyncClient api, long connectionId) throws InterruptedException {
        SyncClient.Response queued =
                api.send("POST", "/api/connections/" + connectionId + "/syncs", SyncProcess.operatorAuth(), null);
        if (queued.status() != 202) {
            // sync was killed under the request: the next round asks again.
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            SyncClient.Response answer;
            try {
                answer = api.get("/api/connections/" + connectionId + "/streams", SyncProcess.operatorAuth());
            } catch (RuntimeException e) {
                return;
            }
            if (answer.status() != 200) {
                return;
            }
            boolean done = true;
            for (JsonNode stream : answer.json().get("streams")) {
                JsonNode last = stream.get("last_run");
                done &= stream.get("state").asString().equals("idle")
                        && last != null
                        && last.get("state").asString().equals("succeeded");
            }
            if (done) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("the sync finishes within 3 minutes")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long count(SyncProcess sync, String sql) {
        try (Connection db = DriverManager.getConnection(sync.jdbcUrl(), sync.jdbcUser(), "")) {
            return single(db, sql, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading sync's database failed: " + e.getMessage(), e);
        }
    }

    private static long single(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
