package io.deskbridge.sync.migration;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, "Done when" 4: a token connection whose schedule is running is switched to OAuth (a
 * client-credentials token of a confidential client made in desk's Admin Center API) while its
 * tickets stream is mid-way; the page in flight finishes with the token, the next pages go out with
 * the OAuth token from the same cursor, nothing is lost or fetched twice; then the old token is
 * deleted in desk and the next scheduled run, over new tickets, succeeds with OAuth alone.
 *
 * <p>"Mid-way" is exact with a {@link DeskGate}: it lets two pages of the tickets export that carry
 * the API token through and holds the third, while requests with other credentials (the switch's
 * own test) pass. desk counts rate limits without enforcing them and sync paces by Retry-After only.
 */
@TestPropertySource(properties = "sync.engine.pacing=retry-after-only")
class OAuthMigrationIntegrationTests extends SyncIntegrationTest {

    static final int TICKETS = 3_000;
    static final int USERS = 200;
    static final int ORGANIZATIONS = 20;
    static final int PAGE = 1_000;
    static final String TICKETS_EXPORT = "/api/v2/incremental/tickets/cursor.json";

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
    void shouldSwitchARunningScheduledSyncToOAuthBetweenTwoPagesAndKeepSyncingAfterTheTokenIsDeleted()
            throws Exception {
        DeskAdmin.IssuedDeskToken old = admin.createToken();
        // A second token only for the test's own reads of desk's exports (the migrated one is deleted).
        DeskExports reader = new DeskExports(
                desk.baseUrl(), DeskProcess.ADMIN_EMAIL, admin.createToken().value());
        OAuthClient client = createClient();
        long id = connectionTo(old, "migrated while running");

        SyncClient.Response risk = api.get("/api/connections/" + id + "/oauth-migration", operatorAuth());
        assertThat(risk.status()).as(risk.body()).isEqualTo(200);
        assertThat(risk.json().get("risk").get("zendesk_cloud").asBoolean()).isFalse();
        assertThat(risk.json().get("risk").get("token_id").asLong()).isEqualTo(old.id());
        assertThat(risk.json().get("risk").get("api_token_url").asString())
                .isEqualTo(gate.baseUrl() + "/admin/apps-integrations/apis/tokens/" + old.id());

        // A running schedule, due now: housekeeping queues its runs.
        Instant began = Instant.now();
        gate.hold(TICKETS_EXPORT, 1, basic(old.value()));
        scheduleDueNow(id);
        assertThat(gate.awaitHeld(Duration.ofSeconds(120)))
                .as("the scheduled tickets run asks for its second page")
                .isTrue();
        JsonNode running = ticketRuns(id).get(0);
        assertThat(running.get("trigger").asString()).isEqualTo("schedule");
        assertThat(running.get("state").asString()).isEqualTo("running");
        int versionBefore = connectionJson(id).get("credential_version").asInt();

        SyncClient.Response switched = api.send(
                "POST",
                "/api/connections/" + id + "/oauth-migration",
                operatorAuth(),
                SyncClient.json(
                        Map.of("oauth", Map.of("client_id", client.identifier(), "client_secret", client.secret()))));
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        JsonNode migration = switched.json().get("migration");
        assertThat(migration.get("credential_version").asInt()).isEqualTo(versionBefore + 1);
        assertThat(migration.get("renewal").asString()).isEqualTo("client_credentials");
        assertThat(migration.get("authenticated_as").asString())
                .isEqualTo("the same user as the token (" + DeskProcess.ADMIN_EMAIL + ")");
        assertThat(migration.get("api_token_url").asString())
                .isEqualTo(gate.baseUrl() + "/admin/apps-integrations/apis/tokens/" + old.id());
        assertThat(migration.get("reminder").asString())
                .startsWith("The connection now uses OAuth. Delete the old API token (token " + old.id() + ")")
                .contains("Admin Center → Apps and integrations → APIs → API tokens");
        assertThat(switched.body()).doesNotContain(client.secret());
        JsonNode connection = connectionJson(id);
        assertThat(connection.get("auth_type").asString()).isEqualTo("oauth");
        Instant switchedAt = Instant.now();
        assertThat(running(id)).as("the switch did not stop the run").isTrue();

        gate.release();
        JsonNode first = awaitRun(running.get("id").asLong(), "succeeded");
        // No record lost or fetched twice: the run read each ticket once, and the store matches desk.
        assertThat(first.get("records").asLong()).isEqualTo(TICKETS);
        assertThat(first.get("pages").asLong()).isEqualTo(TICKETS / PAGE);
        awaitIdle(id);
        List<DeskGate.Exchange> pages = engineTicketPages(began);
        assertThat(pages).extracting(DeskGate.Exchange::status).containsOnly(200);
        assertThat(pages).hasSize(TICKETS / PAGE);
        assertThat(pages.subList(0, 2))
                .as("the first page, and the second that was in flight during the switch, with the API token")
                .extracting(DeskGate.Exchange::authorization)
                .containsOnly(basic(old.value()));
        List<DeskGate.Exchange> after = pages.subList(2, pages.size());
        assertThat(after).as("the rest, from the saved cursor").isNotEmpty();
        assertThat(after.get(0).query()).startsWith("cursor=");
        assertThat(after.stream().map(DeskGate.Exchange::authorization).distinct())
                .as("one new credential, not the token")
                .hasSize(1)
                .doesNotContain(basic(old.value()));
        assertThat(after).allMatch(e -> !e.at().isBefore(switchedAt));
        SyncedStore.assertEquals(jdbc, id, reader.all());
        assertThat(tickets(id)).hasSize(TICKETS);

        // The switch is audited, without the secret.
        List<String> audited = jdbc.sql(
                        "SELECT description FROM audit_log WHERE connection_id = :id AND event = 'connection.migrated_to_oauth'")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0))
                .contains("\"" + client.identifier() + "\"")
                .contains("Delete the old API token")
                .doesNotContain(client.secret());

        // The old token is deleted in desk; more tickets arrive; the schedule's next run goes on.
        admin.deleteToken(old.id());
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            added.add(admin.call(
                            "POST",
                            "/api/v2/tickets",
                            Map.of(
                                    "ticket",
                                    Map.of("subject", "After the switch " + i, "comment", Map.of("body", "hi"))))
                    .path("ticket")
                    .path("id")
                    .asLong());
        }
        awaitExported(reader, added);
        Instant secondBegan = Instant.now();
        scheduleDueNow(id);
        JsonNode second = awaitScheduledTicketsRun(id, running.get("id").asLong());
        second = awaitRun(second.get("id").asLong(), "succeeded");
        awaitIdle(id);
        assertThat(second.get("records").asLong())
                .as("only the tickets added since: the run continued from the saved cursor")
                .isEqualTo(added.size());
        List<DeskGate.Exchange> later = engineTicketPages(secondBegan);
        assertThat(later).extracting(DeskGate.Exchange::status).containsOnly(200);
        assertThat(later.get(0).query()).startsWith("cursor=");
        assertThat(later).extracting(DeskGate.Exchange::authorization).doesNotContain(basic(old.value()));
        SyncedStore.assertEquals(jdbc, id, reader.all());
        assertThat(tickets(id)).hasSize(TICKETS + added.size());

        // Nothing left to migrate: the connection is no longer listed, and a second switch is a 409.
        JsonNode risks = api.get("/api/oauth-migration", operatorAuth()).json().get("risks");
        assertThat(StreamSupport.stream(risks.spliterator(), false)
                        .map(r -> r.get("connection_id").asLong()))
                .doesNotContain(id);
        SyncClient.Response again = api.send(
                "POST",
                "/api/connections/" + id + "/oauth-migration",
                operatorAuth(),
                SyncClient.json(
                        Map.of("oauth", Map.of("client_id", client.identifier(), "client_secret", client.secret()))));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("NotATokenConnection");
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseAWrongSecretAndLeaveTheConnectionOnItsToken() {
            DeskAdmin.IssuedDeskToken token = admin.createToken();
            OAuthClient client = createClient();
            long id = connectionTo(token, "wrong secret");
            JsonNode before = connectionJson(id);

            String wrong = SecretLedger.issued("wrong-" + UUID.randomUUID());
            SyncClient.Response refused = api.send(
                    "POST",
                    "/api/connections/" + id + "/oauth-migration",
                    operatorAuth(),
                    SyncClient.json(Map.of("oauth", Map.of("client_id", client.identifier(), "client_secret", wrong))));

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            JsonNode problem = refused.json().get("details").get("oauth").get(0);
            assertThat(problem.get("error").asString()).isEqualTo("ClientRefused");
            assertThat(problem.get("description").asString())
                    .startsWith("The account at " + gate.baseUrl() + " refused the OAuth client \""
                            + client.identifier() + "\" (HTTP 401 invalid_client)")
                    .endsWith("The connection is unchanged: it keeps its API token.")
                    .doesNotContain(wrong);
            assertUnchanged(id, before);
        }

        @Test
        void shouldRefuseAClientOfAnotherAccountAndLeaveTheConnectionOnItsToken() {
            DeskProcess other = DeskProcess.shared();
            OAuthClient foreign = createClient(other.admin());
            DeskAdmin.IssuedDeskToken token = admin.createToken();
            long id = connectionTo(token, "another account");
            JsonNode before = connectionJson(id);

            SyncClient.Response refused = api.send(
                    "POST",
                    "/api/connections/" + id + "/oauth-migration",
                    operatorAuth(),
                    SyncClient.json(Map.of(
                            "oauth", Map.of("client_id", foreign.identifier(), "client_secret", foreign.secret()))));

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            JsonNode problem = refused.json().get("details").get("oauth").get(0);
            assertThat(problem.get("error").asString()).isEqualTo("ClientRefused");
            assertThat(problem.get("description").asString()).contains("or it belongs to another account");
            assertUnchanged(id, before);
        }

        @Test
        void shouldRefuseAnAccessTokenOfAnotherAccountAfterTestingItAndLeaveTheConnectionOnItsToken() {
            DeskProcess other = DeskProcess.shared();
            OAuthClient foreign = createClient(other.admin());
            String foreignToken = clientCredentialsToken(other, foreign);
            DeskAdmin.IssuedDeskToken token = admin.createToken();
            long id = connectionTo(token, "another account's token");
            JsonNode before = connectionJson(id);

            SyncClient.Response refused = api.send(
                    "POST",
                    "/api/connections/" + id + "/oauth-migration",
                    operatorAuth(),
                    SyncClient.json(Map.of("oauth", Map.of("access_token", foreignToken, "expires_in", 1800))));

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            JsonNode problem = refused.json().get("details").get("oauth").get(0);
            assertThat(problem.get("error").asString()).isEqualTo("CredentialFailedTest");
            assertThat(problem.get("description").asString())
                    .startsWith("The new OAuth credential did not pass the test against " + gate.baseUrl() + ": "
                            + "Credentials accepted — fail:")
                    .doesNotContain(foreignToken);
            assertUnchanged(id, before);
        }

        @Test
        void shouldRefuseABlankSecretWithoutAskingTheAccount() {
            DeskAdmin.IssuedDeskToken token = admin.createToken();
            long id = connectionTo(token, "blank secret");
            JsonNode before = connectionJson(id);
            SyncClient.Response refused = api.send(
                    "POST",
                    "/api/connections/" + id + "/oauth-migration",
                    operatorAuth(),
                    SyncClient.json(Map.of("oauth", Map.of("client_id", "deskbridge_sync"))));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json()
                            .get("details")
                            .get("oauth")
                            .get(0)
                            .get("description")
                            .asString())
                    .isEqualTo("Client id and client secret are both needed (or an access token obtained otherwise): "
                            + "client_secret is blank. The connection is unchanged: it keeps its API token.");
            assertUnchanged(id, before);
        }

        private void assertUnchanged(long id, JsonNode before) {
            JsonNode now = connectionJson(id);
            assertThat(now.get("auth_type").asString()).isEqualTo("api_token");
            assertThat(now.get("credential_version").asInt())
                    .isEqualTo(before.get("credential_version").asInt());
            assertThat(connections.credential(id).orElseThrow()).isInstanceOf(ApiTokenCredential.class);
            assertThat(rows("SELECT id FROM audit_log WHERE connection_id = " + id
                            + " AND event = 'connection.migration_refused'"))
                    .hasSize(1);
        }
    }

    @Nested
    class Console {

        @Test
        // The successful switch is the end-to-end test's (over the API): a second one here could be refused
        // when the end-to-end run used up desk's export budget of the minute (the stream probes warn).
        void shouldListTheTokenConnectionShowTheStepsAndRefuseAWrongSecretWithoutRenderingIt() {
            DeskAdmin.IssuedDeskToken token = admin.createToken();
            OAuthClient client = createClient();
            long id = connectionTo(token, "console migration");
            SyncClient browser = SyncClient.browser(baseUrl());
            assertThat(browser.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD).status())
                    .isEqualTo(302);

            SyncClient.Response list = browser.get("/oauth-migration");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body())
                    .contains("data-connection-id=\"" + id + "\"")
                    .contains("/connections/" + id + "/oauth-migration");

            SyncClient.Response page = browser.get("/connections/" + id + "/oauth-migration");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Migrate console migration to OAuth")
                    .contains(gate.baseUrl() + "/admin/apps-integrations/apis/oauth-clients")
                    .contains("Test and switch");

            String wrong = SecretLedger.issued("console-wrong-" + UUID.randomUUID());
            SyncClient.Response refused = browser.form(
                    "/connections/" + id + "/oauth-migration",
                    Map.of(
                            "_csrf",
                            SyncClient.csrfFrom(page.body()),
                            "client_id",
                            client.identifier(),
                            "client_secret",
                            wrong));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("(HTTP 401 invalid_client)").doesNotContain(wrong);
            assertThat(connectionJson(id).get("auth_type").asString()).isEqualTo("api_token");
        }
    }

    /** A confidential OAuth client and its secret (shown once), made through desk's API as the admin. */
    record OAuthClient(String identifier, String secret) {}

    private OAuthClient createClient() {
        return createClient(admin);
    }

    private static OAuthClient createClient(DeskAdmin owner) {
        String identifier = "deskbridge_sync_" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = owner.call(
                        "POST",
                        "/api/v2/oauth/clients",
                        Map.of(
                                "client",
                                Map.of(
                                        "name",
                                        "Deskbridge sync",
                                        "identifier",
                                        identifier,
                                        "kind",
                                        "confidential",
                                        "redirect_uri",
                                        List.of("https://sync.example.test/oauth/callback"))))
                .path("client");
        return new OAuthClient(
                identifier, SecretLedger.issued(created.path("secret").asString()));
    }

    /** A client-credentials access token from {@code account}'s token endpoint. */
    private static String clientCredentialsToken(DeskProcess account, OAuthClient client) {
        SyncClient.Response issued = SyncClient.stateless(account.baseUrl())
                .send(
                        "POST",
                        "/oauth/tokens",
                        null,
                        SyncClient.json(Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                client.identifier(),
                                "client_secret",
                                client.secret(),
                                "scope",
                                "read write")));
        assertThat(issued.status()).as("token endpoint").isEqualTo(200);
        return SecretLedger.issued(issued.json().get("access_token").asString());
    }

    /** A connection to desk through the gate, with {@code token} as its credential. */
    private long connectionTo(DeskAdmin.IssuedDeskToken token, String name) {
        Connection connection = connections.create(new NewConnection(name, gate.baseUrl()), Actor.system());
        connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()),
                new CredentialSource("the migration test", null),
                Actor.system());
        return connection.id();
    }

    private boolean running(long id) {
        return ticketRuns(id).get(0).get("state").asString().equals("running");
    }

    /**
     * Sets the connection's schedule (hourly) so that its next run is due now. Decision: the test clock
     * is set back one interval while the schedule is set, not moved forward to the next run: the engine
     * gives db-scheduler the clock's now as the runs' due time, and db-scheduler waits for it in real
     * time (a clock moved forward by an interval would delay the runs by as much). Hourly, so the
     * schedule does not fire again by itself while the test runs.
     */
    private void scheduleDueNow(long connectionId) {
        clock.advance(Duration.ofMinutes(-60).minusSeconds(1));
        try {
            SyncClient.Response schedule = api.send(
                    "PUT",
                    "/api/connections/" + connectionId + "/schedule",
                    operatorAuth(),
                    SyncClient.json(Map.of("schedule", Map.of("enabled", true, "interval_minutes", 60))));
            assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
            assertThat(Instant.parse(schedule.json()
                                    .get("schedule")
                                    .get("next_run_at")
                                    .asString())
                            .isBefore(Instant.now()))
                    .isTrue();
        } finally {
            clock.reset();
        }
    }

    /** The scheduled tickets run queued after {@code previousRunId}, once it exists. */
    private JsonNode awaitScheduledTicketsRun(long connectionId, long previousRunId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode newest = ticketRuns(connectionId).get(0);
            if (newest.get("id").asLong() != previousRunId) {
                assertThat(newest.get("trigger").asString()).isEqualTo("schedule");
                return newest;
            }
            assertThat(System.nanoTime())
                    .as("housekeeping queues the due schedule within 120 s")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Waits until desk's tickets export lists every one of {@code ids} (its freshness delay passed). */
    private static void awaitExported(DeskExports reader, List<Long> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!reader.cursor(DeskExports.TICKETS, "tickets").keySet().containsAll(ids)) {
            assertThat(System.nanoTime())
                    .as("desk exports the new tickets within 60 s")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Waits until none of the connection's runs is queued or running; every run succeeded. */
    private void awaitIdle(long connectionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode runs = api.get("/api/connections/" + connectionId + "/runs", operatorAuth())
                    .json()
                    .get("runs");
            List<JsonNode> all = StreamSupport.stream(runs.spliterator(), false).toList();
            if (all.stream()
                    .noneMatch(r ->
                            Set.of("queued", "running").contains(r.get("state").asString()))) {
                assertThat(all)
                        .allSatisfy(r -> assertThat(r.get("state").asString())
                                .as(r.toString())
                                .isEqualTo("succeeded"));
                return;
            }
            assertThat(System.nanoTime())
                    .as("the connection's runs end within 120 s: " + all)
                    .isLessThan(deadline);
            Thread.sleep(100);
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

    private JsonNode connectionJson(long id) {
        return api.get("/api/connections/" + id, operatorAuth()).json().get("connection");
    }

    /** The engine's page requests to the tickets export since {@code since} (not the test's per_page=1 probes). */
    private List<DeskGate.Exchange> engineTicketPages(Instant since) {
        List<DeskGate.Exchange> exchanges = new ArrayList<>();
        for (DeskGate.Exchange e : gate.exchanges()) {
            if (e.path().equals(TICKETS_EXPORT)
                    && !e.at().isBefore(since)
                    && (e.query() == null
                            || !e.query().contains("per_page=1&") && !e.query().endsWith("per_page=1"))) {
                exchanges.add(e);
            }
        }
        return exchanges;
    }

    private Map<Long, String> tickets(long connectionId) {
        return SyncedStore.read(jdbc, connectionId).get("tickets");
    }

    private static String basic(String token) {
        return DeskGate.fingerprint("Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (DeskProcess.ADMIN_EMAIL + "/token:" + token).getBytes(StandardCharsets.UTF_8)));
    }
}
