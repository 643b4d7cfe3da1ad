package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskExports;
import io.deskbridge.sync.support.DeskGate;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.DeskSeed;
import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.deskbridge.sync.support.SyncedStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5, "Done when" 5: the admin rotates the API token in desk (grace 0: the old value stops at
 * once) while a sync is mid-way, and sends the new value through a new credential request link (the
 * real hand-over form); the sync goes on from where it stopped, in the same running sync, with
 * nothing lost.
 *
 * <p>"Mid-way" is made exact with a {@link DeskGate} between sync and desk: it lets two pages of the
 * tickets export through and holds the third request, so the test acts while the stream has
 * committed 2,000 of its 5,000 tickets and is waiting for the next page. desk counts rate limits
 * without enforcing them and sync paces by Retry-After only (the same setup as the end-to-end test),
 * so nothing but the gate decides when pages come.
 */
// Runs once, in the H2 pass: rotation is vault and engine logic over the same SQL the other tests
// run on PostgreSQL (issue 16, suite time).
@Tag("h2-only")
@TestPropertySource(properties = "sync.engine.pacing=retry-after-only")
class CredentialRotationIntegrationTests extends SyncIntegrationTest {

    static final int TICKETS = 5_000;
    static final int USERS = 500;
    static final int ORGANIZATIONS = 50;
    static final int PAGE = 1_000;
    static final String TICKETS_EXPORT = "/api/v2/incremental/tickets/cursor.json";

    @Autowired
    private ApplicationContext context;

    private DeskProcess desk;
    private DeskAdmin admin;
    private DeskGate gate;

    @BeforeAll
    void startDesk() {
        desk = DeskProcess.start(Map.of("desk.rate-limit.enforce", "false"));
        admin = desk.admin();
        admin.apiAccess(true, false);
        admin.plan("enterprise", true);
        DeskSeed.load(desk, ORGANIZATIONS, USERS, TICKETS);
        gate = DeskGate.in(desk.baseUrl());
    }

    @AfterAll
    void stopDesk() {
        if (gate != null) {
            gate.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void shouldContinueFromTheSavedCursorWithTheNewTokenWhenItWasRotatedWhileTheSyncWasPaused() throws Exception {
        DeskAdmin.IssuedDeskToken old = admin.createToken();
        long id = connectionTo(old, "rotated while paused");
        long startup = context.getStartupDate();
        Instant began = Instant.now();
        gate.hold(TICKETS_EXPORT, 2);
        Map<String, Long> runs = queue(id, null);
        assertThat(gate.awaitHeld(Duration.ofSeconds(60)))
                .as("the tickets stream asks for its third page")
                .isTrue();
        awaitOthersSucceeded(runs);

        SyncClient.Response paused = api.send("POST", "/api/connections/" + id + "/pause", operatorAuth(), null);
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("connection").get("paused").asBoolean()).isTrue();
        // The page being fetched when the pause came is committed, then the run stops.
        gate.release();
        JsonNode first = awaitRun(runs.get("tickets"), "paused");
        assertThat(first.get("records").asLong()).isEqualTo(3L * PAGE);
        assertThat(first.get("pages").asLong()).isEqualTo(3);
        assertThat(tickets(id)).hasSize(3 * PAGE);

        DeskAdmin.IssuedDeskToken rotated = admin.rotateToken(old.id(), 0);
        assertThat(rotated.value()).isNotEqualTo(old.value());
        assertThatThrownBy(() -> new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, old.value())
                        .cursor(TICKETS_EXPORT, "tickets"))
                .as("desk refuses the old value at once")
                .hasMessageContaining("desk answered 401");
        int version = connectionJson(id).get("credential_version").asInt();
        handOver(id, rotated.value());
        assertThat(connectionJson(id).get("credential_version").asInt()).isEqualTo(version + 1);

        Instant resumedAt = Instant.now();
        SyncClient.Response resumed = api.send("POST", "/api/connections/" + id + "/resume", operatorAuth(), null);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("connection").get("paused").asBoolean()).isFalse();
        List<JsonNode> ticketRuns = ticketRuns(id);
        assertThat(ticketRuns).as("the paused run and the one resume queued").hasSize(2);
        JsonNode second = awaitRun(ticketRuns.get(0).get("id").asLong(), "succeeded");
        assertThat(ticketRuns.get(1).get("id").asLong()).isEqualTo(runs.get("tickets"));

        // Position kept: the run after the resume fetched only the rest, starting from the cursor.
        assertThat(second.get("records").asLong()).isEqualTo(TICKETS - 3L * PAGE);
        assertThat(first.get("records").asLong() + second.get("records").asLong())
                .isEqualTo(TICKETS);
        List<DeskGate.Exchange> before = ticketExchanges(began).stream()
                .filter(e -> e.at().isBefore(resumedAt))
                .toList();
        List<DeskGate.Exchange> after = ticketExchanges(resumedAt);
        // Three committed pages, plus the next one when the engine had prefetched it while the third
        // committed (the engine drops a prefetched page on pause; its position stays at the third).
        assertThat(before.size()).isBetween(3, 4);
        assertThat(before).extracting(DeskGate.Exchange::status).containsOnly(200);
        assertThat(before).extracting(DeskGate.Exchange::authorization).containsOnly(fingerprint(old.value()));
        assertThat(before.get(0).query()).startsWith("start_time=0");
        assertThat(after)
                .as("the two pages left, from the saved cursor, with the new token")
                .hasSize(2);
        assertThat(after).extracting(DeskGate.Exchange::status).containsOnly(200);
        assertThat(after).extracting(DeskGate.Exchange::authorization).containsOnly(fingerprint(rotated.value()));
        assertThat(after.get(0).query()).startsWith("cursor=").doesNotContain("start_time");
        if (before.size() == 4) {
            assertThat(after.get(0).query())
                    .as("the dropped page asked again")
                    .isEqualTo(before.get(3).query());
        }

        // No restart: the same running sync (its Spring context) did all of it.
        assertThat(context.getStartupDate()).isEqualTo(startup);
        SyncedStore.assertEquals(jdbc, id, exports(rotated).all());
        assertThat(tickets(id)).hasSize(TICKETS);
    }

    @Test
    void shouldFailNamingTheCredentialOnA401AndContinueFromTheSavedCursorAfterANewRequestLink() throws Exception {
        DeskAdmin.IssuedDeskToken old = admin.createToken();
        long id = connectionTo(old, "rotated while running");
        Instant began = Instant.now();
        gate.hold(TICKETS_EXPORT, 2);
        Map<String, Long> runs = queue(id, null);
        assertThat(gate.awaitHeld(Duration.ofSeconds(60))).isTrue();
        awaitOthersSucceeded(runs);

        // Not paused: the held request goes out with the value desk no longer accepts.
        DeskAdmin.IssuedDeskToken rotated = admin.rotateToken(old.id(), 0);
        gate.release();
        JsonNode failed = awaitRun(runs.get("tickets"), "failed");
        assertThat(failed.get("error").asString())
                .startsWith("tickets: HTTP 401")
                .contains("the account refused the connection's credential (also after reading it again)")
                .contains("send new credentials through a request link");
        assertThat(failed.get("records").asLong()).isEqualTo(2L * PAGE);
        List<DeskGate.Exchange> refused = ticketExchanges(began);
        assertThat(refused)
                .extracting(DeskGate.Exchange::status)
                .as("two pages, then the 401, the credential read again, one more 401 and no further try")
                .containsExactly(200, 200, 401, 401);
        assertThat(refused).extracting(DeskGate.Exchange::authorization).containsOnly(fingerprint(old.value()));
        JsonNode stream = stream(id, "tickets");
        assertThat(stream.get("state").asString()).isEqualTo("failed");
        assertThat(stream.get("last_error").asString())
                .isEqualTo(failed.get("error").asString());
        assertThat(stream.get("records").asLong()).isEqualTo(2L * PAGE);
        // No retry after the failure: the exchanges stop at these four, and the next run's exchanges
        // (checked below) follow them directly, with the new credential.
        assertThat(ticketExchanges(began)).hasSize(4);

        int version = connectionJson(id).get("credential_version").asInt();
        handOver(id, rotated.value());
        assertThat(connectionJson(id).get("credential_version").asInt()).isEqualTo(version + 1);
        Map<String, Long> next = queue(id, List.of("tickets"));
        JsonNode second = awaitRun(next.get("tickets"), "succeeded");

        assertThat(second.get("records").asLong()).isEqualTo(TICKETS - 2L * PAGE);
        List<DeskGate.Exchange> after =
                ticketExchanges(began).subList(4, ticketExchanges(began).size());
        assertThat(after).hasSize(3);
        assertThat(after).extracting(DeskGate.Exchange::status).containsOnly(200);
        assertThat(after).extracting(DeskGate.Exchange::authorization).containsOnly(fingerprint(rotated.value()));
        assertThat(after.get(0).query()).startsWith("cursor=").doesNotContain("start_time");
        SyncedStore.assertEquals(jdbc, id, exports(rotated).all());
        assertThat(tickets(id)).hasSize(TICKETS);
    }

    /** A connection to desk through the gate, with {@code token} handed over as its first credential. */
    private long connectionTo(DeskAdmin.IssuedDeskToken token, String name) {
        Connection connection = connections.create(new NewConnection(name, gate.baseUrl()), Actor.system());
        connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()),
                new CredentialSource("the rotation test", null),
                Actor.system());
        return connection.id();
    }

    /**
     * The operator creates a new request link; the Zendesk admin opens it in a browser and submits
     * the email and the new token over the form.
     */
    private void handOver(long connectionId, String apiToken) {
        SyncClient.Response created =
                api.send("POST", "/api/connections/" + connectionId + "/request-links", operatorAuth(), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("request_link").get("url").asString();
        String path = "/handover/" + SecretLedger.issued(url.substring(url.lastIndexOf('/') + 1));
        SyncClient browser = SyncClient.browser(baseUrl());
        SyncClient.Response page = browser.get(path);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        SyncClient.Response submitted = browser.form(
                path,
                Map.of(
                        "_csrf",
                        SyncClient.csrfFrom(page.body()),
                        "email",
                        DeskProcess.ADMIN_EMAIL,
                        "api_token",
                        apiToken));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.body()).contains("Credentials received").doesNotContain(apiToken);
    }

    /** POST /syncs (all streams when {@code streams} is null) → stream → run id. */
    private Map<String, Long> queue(long connectionId, List<String> streams) {
        SyncClient.Response queued = api.send(
                "POST",
                "/api/connections/" + connectionId + "/syncs",
                operatorAuth(),
                streams == null ? null : SyncClient.json(Map.of("sync", Map.of("streams", streams))));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        Map<String, Long> runs = new java.util.HashMap<>();
        queued.json()
                .get("runs")
                .forEach(run ->
                        runs.put(run.get("stream").asString(), run.get("id").asLong()));
        return runs;
    }

    private void awaitOthersSucceeded(Map<String, Long> runs) throws InterruptedException {
        for (String stream : List.of("users", "organizations", "ticket_comments")) {
            awaitRun(runs.get(stream), "succeeded");
        }
    }

    /** The run once it is no longer queued or running; it must then be in {@code state}. */
    private JsonNode awaitRun(long runId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode run = api.get("/api/runs/" + runId, operatorAuth()).json().get("run");
            if (!Set.of("queued", "running").contains(run.get("state").asString())) {
                assertThat(run.get("state").asString()).as(run.toString()).isEqualTo(state);
                return run;
            }
            assertThat(System.nanoTime())
                    .as("run " + runId + " ends within 120 s: " + run)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The connection's tickets runs, newest first. */
    private List<JsonNode> ticketRuns(long connectionId) {
        JsonNode runs = api.get("/api/connections/" + connectionId + "/runs", operatorAuth())
                .json()
                .get("runs");
        return StreamSupport.stream(runs.spliterator(), false)
                .filter(r -> r.get("stream").asString().equals("tickets"))
                .toList();
    }

    private JsonNode stream(long connectionId, String name) {
        JsonNode streams = api.get("/api/connections/" + connectionId + "/streams", operatorAuth())
                .json()
                .get("streams");
        return StreamSupport.stream(streams.spliterator(), false)
                .filter(s -> s.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode connectionJson(long id) {
        return api.get("/api/connections/" + id, operatorAuth()).json().get("connection");
    }

    /** The requests to the tickets export that went through the gate since {@code since}. */
    private List<DeskGate.Exchange> ticketExchanges(Instant since) {
        List<DeskGate.Exchange> exchanges = new ArrayList<>();
        for (DeskGate.Exchange e : gate.exchanges()) {
            if (e.path().equals(TICKETS_EXPORT) && !e.at().isBefore(since)) {
                exchanges.add(e);
            }
        }
        return exchanges;
    }

    private Map<Long, String> tickets(long connectionId) {
        return SyncedStore.read(jdbc, connectionId).get("tickets");
    }

    private DeskExports exports(DeskAdmin.IssuedDeskToken token) {
        return new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token.value());
    }

    private static String fingerprint(String token) {
        return DeskGate.fingerprint("Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (DeskProcess.ADMIN_EMAIL + "/token:" + token).getBytes(StandardCharsets.UTF_8)));
    }
}
