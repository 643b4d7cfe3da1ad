package io.deskbridge.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.cli.CliRunner.Result;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The CLI against a hand-written fake of sync's REST API serving the shared contract's JSON (runs,
 * status, diagnostics), for the endpoints other slices build; {@code CliIntegrationTests} covers the
 * ones that exist against a real sync.
 */
class CliAgainstFakeServerTests {

    private static final String EMAIL = "ops@example.test";
    private static final String PASSWORD = "fake-sync-password-4711";

    private FakeSync sync;
    private CliRunner cli;

    @BeforeEach
    void start() throws Exception {
        sync = new FakeSync();
        cli = CliRunner.against(sync.url(), EMAIL, PASSWORD);
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    private static String run(
            long id, String stream, String state, long records, Double progress, Long eta, Double rate, String error) {
        return """
                {"id":%d,"connection_id":7,"stream":"%s","trigger":"manual","state":"%s",
                 "queued_at":"2026-11-28T10:00:00Z","started_at":%s,"finished_at":%s,
                 "records":%d,"pages":%d,"requests":%d,"rate_limited":%d,"waited_seconds":%d,
                 "records_per_second":%s,"progress":%s,"eta_seconds":%s,"cursor_time":null,"error":%s,
                 "wait_reason":null,"wait_until":null,"retries":0,"last_retry_error":null}
                """.formatted(
                        id,
                        stream,
                        state,
                        state.equals("queued") ? "null" : "\"2026-11-28T10:00:01Z\"",
                        List.of("succeeded", "failed", "paused").contains(state) ? "\"2026-11-28T10:01:00Z\"" : "null",
                        records,
                        records / 100,
                        records / 100 + 1,
                        state.equals("failed") ? 1 : 0,
                        state.equals("failed") ? 65 : 0,
                        rate == null ? "null" : rate.toString(),
                        progress == null ? "null" : progress.toString(),
                        eta == null ? "null" : eta.toString(),
                        error == null ? "null" : "\"" + error + "\"");
    }

    private static String wrap(String key, String... values) {
        return values.length == 1 && !key.endsWith("s")
                ? "{\"" + key + "\":" + values[0] + "}"
                : "{\"" + key + "\":[" + String.join(",", values) + "]}";
    }

    @Nested
    class SyncRun {

        @Test
        void shouldQueueTheNamedStreamsAndPrintTheirRuns() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap(
                            "runs",
                            run(11, "tickets", "queued", 0, null, null, null, null),
                            run(12, "users", "queued", 0, null, null, null, null)));

            Result result = cli.run("sync", "run", "7", "--stream", "tickets", "--stream", "users");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("""
                            Run 11: tickets queued
                            Run 12: users queued
                            Follow them with: sync-cli sync run 7 --follow
                            """);
            FakeSync.Request request = sync.requests().get(0);
            assertThat(request.body()).isEqualTo("{\"sync\":{\"streams\":[\"tickets\",\"users\"]}}");
            assertThat(request.authorization())
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void shouldAskForAllStreamsWithoutABody() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap("runs", run(11, "tickets", "queued", 0, null, null, null, null)));

            Result result = cli.run("sync", "run", "7", "--stream=tickets,users", "--json");
            Result all = cli.run("sync", "run", "7");

            assertThat(result.exit()).isZero();
            assertThat(all.exit()).isZero();
            assertThat(sync.requests().get(0).body()).isEqualTo("{\"sync\":{\"streams\":[\"tickets\",\"users\"]}}");
            assertThat(sync.requests().get(1).body()).isEmpty();
            assertThat(result.out().trim()).startsWith("{\"runs\":[{\"id\":11,");
        }

        @Test
        void shouldFollowEachRunWithAProgressLineUntilAllSucceeded() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap(
                            "runs",
                            run(11, "tickets", "queued", 0, null, null, null, null),
                            run(12, "users", "queued", 0, null, null, null, null)));
            sync.on(
                    "GET",
                    "/api/runs/11",
                    200,
                    wrap("run", run(11, "tickets", "running", 500, 0.25, 30L, 250.0, null)),
                    wrap("run", run(11, "tickets", "running", 1500, 0.75, 10L, 300.0, null)),
                    wrap("run", run(11, "tickets", "succeeded", 2000, 1.0, 0L, 310.0, null)));
            sync.on(
                    "GET",
                    "/api/runs/12",
                    200,
                    wrap("run", run(12, "users", "running", 100, null, null, 50.0, null)),
                    wrap("run", run(12, "users", "succeeded", 300, 1.0, 0L, 60.0, null)));

            Result result = cli.run("sync", "run", "7", "--follow");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("""
                            tickets succeeded: 2,000 records, 20 pages, 21 requests, 0 rate-limited, waited 0s (run 11)
                            users succeeded: 300 records, 3 pages, 4 requests, 0 rate-limited, waited 0s (run 12)
                            """);
            assertThat(sync.requests("GET", "/api/runs/11")).hasSize(3);
            assertThat(sync.requests("GET", "/api/runs/12")).hasSize(2);
            List<String> bars = result.err().lines().toList();
            assertThat(bars)
                    .anySatisfy(line -> assertThat(line)
                            .isEqualTo(
                                    "tickets 100% [====================] 2,000/2,000 records  310 rec/s  succeeded"));
            assertThat(bars)
                    .anySatisfy(line -> assertThat(line)
                            .isEqualTo("users   100% [====================] 300/300 records  60 rec/s  succeeded"));
        }

        @Test
        void shouldExitWith1AndShowTheErrorWhenARunFails() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap("runs", run(11, "tickets", "running", 0, null, null, null, null)));
            sync.on(
                    "GET",
                    "/api/runs/11",
                    200,
                    wrap(
                            "run",
                            run(
                                    11,
                                    "tickets",
                                    "failed",
                                    400,
                                    0.1,
                                    null,
                                    20.0,
                                    "Zendesk answered 401 Couldn't authenticate you: replace the credentials")));

            Result result = cli.run("sync", "run", "7", "--follow");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEqualTo("""
                            tickets failed: 400 records, 4 pages, 5 requests, 1 rate-limited, waited 1m 05s (run 11)
                              error: Zendesk answered 401 Couldn't authenticate you: replace the credentials
                            """);
        }

        @Test
        void shouldLogAWaitOnceWithItsReasonAndResetAndEachRetryWhenNotOnATerminal() {
            Instant resets = Instant.parse("2030-01-01T12:03:41Z");
            Instant nextAttempt = Instant.parse("2030-01-01T12:04:30Z");
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    FollowedRuns.list(FollowedRuns.run(11, "tickets", "queued", 0, null, null, null, 0, null, null)));
            sync.on(
                    "GET",
                    "/api/runs/11",
                    200,
                    FollowedRuns.body(FollowedRuns.run(
                            11, "tickets", "running", 100, 0.1, "export_window", resets, 0, null, null)),
                    FollowedRuns.body(FollowedRuns.run(
                            11, "tickets", "running", 100, 0.1, "export_window", resets, 0, null, null)),
                    FollowedRuns.body(FollowedRuns.run(
                            11, "tickets", "running", 100, 0.1, "export_window", resets, 0, null, null)),
                    FollowedRuns.body(FollowedRuns.run(
                            11, "tickets", "running", 100, 0.1, "backoff", nextAttempt, 1, "HTTP 503: down", null)),
                    FollowedRuns.body(FollowedRuns.run(
                            11, "tickets", "running", 200, 0.2, "retry_after", nextAttempt, 1, "HTTP 503: down", null)),
                    FollowedRuns.body(FollowedRuns.run(
                            11, "tickets", "failed", 200, 0.2, null, null, 1, "HTTP 503: down", "tickets: HTTP 404")));

            Result result = cli.run("sync", "run", "7", "--follow");

            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            String at = DateTimeFormatter.ofPattern("HH:mm:ss").format(resets.atZone(ZoneId.systemDefault()));
            String next = DateTimeFormatter.ofPattern("HH:mm:ss").format(nextAttempt.atZone(ZoneId.systemDefault()));
            // The countdowns and the time queued depend on the clock: the rest is exact.
            assertThat(result.err()
                            .lines()
                            .map(line -> line.replaceAll(" \\(in [^)]+\\)", "")
                                    .replaceAll("queued for \\d+:\\d\\d:\\d\\d", "queued for h:mm:ss")))
                    .containsExactly(
                            "tickets   ?% [                    ] 0 records  queued for h:mm:ss",
                            "tickets  10% [==                  ] 100/1,000 records  50 rec/s  waiting for the export rate"
                                    + " window, resumes " + at,
                            "tickets  10% [==                  ] 100/1,000 records  50 rec/s  retrying (1 retry, last"
                                    + " error: HTTP 503: down), next attempt " + next,
                            "tickets  20% [====                ] 200/1,000 records  50 rec/s  waiting for the rate limit's"
                                    + " Retry-After (HTTP 429), resumes " + next
                                    + " (1 retry, last error: HTTP 503: down)",
                            "tickets  20% [====                ] 200/1,000 records  50 rec/s  FAILED: tickets: HTTP 404");
        }

        @Test
        void shouldExitWith3WhenARunWasPaused() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap("runs", run(11, "tickets", "running", 0, null, null, null, null)));
            sync.on("GET", "/api/runs/11", 200, wrap("run", run(11, "tickets", "paused", 700, 0.5, 60L, 70.0, null)));

            Result result = cli.run("sync", "run", "7", "--follow");

            assertThat(result.exit()).isEqualTo(3);
            assertThat(result.out()).startsWith("tickets paused: 700 records");
        }

        @Test
        void shouldPrintTheFinishedRunsAsJsonWithoutBars() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap("runs", run(11, "tickets", "queued", 0, null, null, null, null)));
            sync.on("GET", "/api/runs/11", 200, wrap("run", run(11, "tickets", "succeeded", 42, 1.0, 0L, 4.0, null)));

            Result result = cli.run("sync", "run", "7", "--follow", "--json");

            assertThat(result.exit()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(Json.MAPPER
                            .readTree(result.out())
                            .get("runs")
                            .get(0)
                            .get("records")
                            .asLong())
                    .isEqualTo(42);
        }

        @Test
        void shouldPrintTheApiErrorForAnUnknownConnection() {
            sync.on(
                    "POST",
                    "/api/connections/99/syncs",
                    404,
                    "{\"error\":\"RecordNotFound\",\"description\":\"There is no connection 99\"}");

            Result result = cli.run("sync", "run", "99", "--follow");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("sync answered 404: RecordNotFound: There is no connection 99\n");
        }
    }

    @Nested
    class Status {

        private static final String STATUS = """
                {"status":{"connections":[
                  {"id":7,"name":"Acme","paused":false,"streams":[
                    {"name":"tickets","state":"running","records":120000,"cursor_time":"2026-11-28T09:59:00Z",
                     "lag_seconds":75,"last_run":null,"last_error":null,"records_per_minute":[]},
                    {"name":"users","state":"failed","records":310,"cursor_time":null,"lag_seconds":null,
                     "last_run":null,"last_error":"Zendesk answered 403 Forbidden:\\n exports need an admin token",
                     "records_per_minute":[]}]},
                  {"id":8,"name":"Globex","paused":true,"streams":[]}]}}
                """;

        @Test
        void shouldPrintOneRowPerStream() {
            sync.on("GET", "/api/status", 200, STATUS);

            Result result = cli.run("status");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("""
                            CONNECTION         STREAM   STATE    RECORDS  LAG     LAST ERROR
                            7 Acme             tickets  running  120,000  1m 15s  -
                            7 Acme             users    failed   310      -       Zendesk answered 403 Forbidden: exports need an admin token
                            8 Globex (paused)  -        -        -        -       -
                            """);
        }

        @Test
        void shouldPrintTheRawJsonWithJson() {
            sync.on("GET", "/api/status", 200, STATUS);

            Result result = cli.run("status", "--json");

            assertThat(result.out()).isEqualTo(STATUS + "\n");
        }
    }

    @Nested
    class ConnectionsTest {

        private static final String FAILED = """
                {"diagnostics":{"connection_id":7,"verdict":"fail","checked_at":"2026-11-28T10:00:00Z","checks":[
                  {"key":"address","title":"Zendesk answers at the address","status":"pass",
                   "observed":"https://acme.zendesk.com answered in 80 ms","fix":null},
                  {"key":"token_access","title":"API token access is allowed","status":"fail",
                   "observed":"401 Couldn't authenticate you",
                   "fix":"Admin Center → Apps and integrations → APIs → API configuration → Allow API token access"},
                  {"key":"rate_limit","title":"Rate limit headroom","status":"warn","observed":"12 of 700 left",
                   "fix":"Wait for the next minute"},
                  {"key":"exports","title":"Incremental exports","status":"skipped","observed":"",
                   "fix":null}]}}
                """;

        @Test
        void shouldPrintOneLinePerCheckAndExit1WhenTheVerdictIsFail() {
            sync.on("POST", "/api/connections/7/diagnostics", 200, FAILED);

            Result result = cli.run("connections", "test", "7");

            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.out()).isEqualTo("""
                            Diagnostics of connection 7 at 2026-11-28T10:00:00Z
                            PASS  Zendesk answers at the address: https://acme.zendesk.com answered in 80 ms
                            FAIL  API token access is allowed: 401 Couldn't authenticate you → fix: Admin Center → Apps and integrations → APIs → API configuration → Allow API token access
                            WARN  Rate limit headroom: 12 of 700 left → fix: Wait for the next minute
                            SKIP  Incremental exports
                            Verdict: FAIL
                            """);
        }

        @Test
        void shouldExit0WhenTheVerdictIsWarn() {
            sync.on(
                    "POST",
                    "/api/connections/7/diagnostics",
                    200,
                    FAILED.replace("\"verdict\":\"fail\"", "\"verdict\":\"warn\""));

            Result result = cli.run("connections", "test", "7", "--json");

            assertThat(result.exit()).isZero();
            assertThat(result.out()).contains("\"verdict\":\"warn\"");
        }
    }

    @Nested
    class Failures {

        @Test
        void shouldExitWith2WhenNothingListensAtTheUrl() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }

            Result result = CliRunner.against("http://127.0.0.1:" + port, EMAIL, PASSWORD)
                    .run("status");

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.err())
                    .isEqualTo("Cannot reach sync at http://127.0.0.1:" + port + "/: it refused the connection. "
                            + "Is sync running there? Set the address with --url or SYNC_URL.\n");
        }

        @Test
        void shouldExitWith2WhenSomethingElseAnswers() {
            sync.on("GET", "/api/status", 200, "<html>desk</html>");

            Result result = cli.run("status");

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.err()).contains("answered GET api/status with HTTP 200 and application/json, not JSON");
        }

        @Test
        void shouldPreferTheUrlOptionOverTheEnvironment() {
            sync.on("GET", "/api/status", 200, "{\"status\":{\"connections\":[]}}");

            Result result =
                    CliRunner.against("http://127.0.0.1:1", EMAIL, PASSWORD).run("status", "--url", sync.url() + "/");

            assertThat(result.exit()).as(result.toString()).isZero();
        }

        @Test
        void shouldTakeTheUrlOptionBeforeTheCommandToo() {
            sync.on("GET", "/api/status", 200, "{\"status\":{\"connections\":[]}}");

            Result before =
                    CliRunner.against("http://127.0.0.1:1", EMAIL, PASSWORD).run("--url", sync.url() + "/", "status");
            assertThat(before.exit()).as(before.toString()).isZero();

            // After the command it still wins over one before it.
            Result both = CliRunner.against("http://127.0.0.1:1", EMAIL, PASSWORD)
                    .run("--url", "http://127.0.0.1:1", "status", "--url", sync.url() + "/");
            assertThat(both.exit()).as(both.toString()).isZero();
            assertThat(sync.requests()).hasSize(2);
        }

        @Test
        void shouldAskForThePasswordOnceWhenTheEnvironmentHasNone() {
            sync.on(
                    "POST",
                    "/api/connections/7/syncs",
                    202,
                    wrap("runs", run(11, "tickets", "queued", 0, null, null, null, null)));
            sync.on("GET", "/api/runs/11", 200, wrap("run", run(11, "tickets", "succeeded", 1, 1.0, 0L, 1.0, null)));
            List<String> prompts = new ArrayList<>();

            Result result = cli.withoutEnv("SYNC_OPERATOR_PASSWORD")
                    .withPrompt(text -> {
                        prompts.add(text);
                        return "typed-secret".toCharArray();
                    })
                    .run("sync", "run", "7", "--follow");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(prompts).containsExactly("Password for " + EMAIL + ": ");
            assertThat(sync.requests())
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.authorization())
                            .isEqualTo("Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    (EMAIL + ":typed-secret").getBytes(StandardCharsets.UTF_8))));
            assertThat(result.out() + result.err()).doesNotContain("typed-secret");
        }

        @Test
        void shouldRefuseWithoutAPasswordAndWithoutATerminal() {
            Result result = cli.withoutEnv("SYNC_OPERATOR_PASSWORD").run("status");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err())
                    .startsWith("No operator password: set SYNC_OPERATOR_PASSWORD, or run the command "
                            + "in a terminal to be asked for it");
            assertThat(sync.requests()).isEmpty();
        }

        @Test
        void shouldHaveNoPasswordOption() {
            Result result = cli.run("status", "--password", "x");

            assertThat(result.exit()).isEqualTo(64);
            assertThat(result.err()).startsWith("Unknown options: '--password', 'x'");
            assertThat(sync.requests()).isEmpty();
        }

        @Test
        void shouldExitWith64ForAnInvalidCommandLine() {
            assertThat(cli.run().exit()).isEqualTo(64);
            assertThat(cli.run("connections").exit()).isEqualTo(64);
            Result missing = cli.run("connections", "add", "--name", "Acme");
            assertThat(missing.exit()).isEqualTo(64);
            assertThat(missing.err()).startsWith("Missing required option: '--address=<address>'");
            Result badUrl = cli.run("status", "--url", "localhost:8081");
            assertThat(badUrl.exit()).isEqualTo(64);
            assertThat(badUrl.err())
                    .startsWith("The sync URL 'localhost:8081' is not an http(s) URL like http://localhost:8081");
            assertThat(sync.requests()).isEmpty();
        }

        @Test
        void shouldShowEachCommandsHelpWithoutCallingSync() {
            Result help = cli.run("sync", "run", "--help");

            assertThat(help.exit()).isZero();
            assertThat(help.out())
                    .startsWith("Usage: sync-cli sync run ")
                    .contains("--follow", "--stream=<stream>", "--url=<url>", "--email=<email>", "--json")
                    .doesNotContain("--password");
            assertThat(sync.requests()).isEmpty();
        }

        @Test
        void shouldTellCliCommandsFromServerArguments() {
            assertThat(SyncCli.isCommand(new String[] {"connections", "list"})).isTrue();
            assertThat(SyncCli.isCommand(new String[] {"status"})).isTrue();
            assertThat(SyncCli.isCommand(new String[] {"rules", "list", "7"})).isTrue();
            assertThat(SyncCli.isCommand(new String[] {})).isFalse();
            assertThat(SyncCli.isCommand(new String[] {"--server.port=8082"})).isFalse();
        }
    }

    @Nested
    class Rules {

        private static final String MATCHES = """
                {"dry_run":{"rule_id":5,"days":3,"since":"2026-11-25T10:00:00Z","evaluated":1200,"matches":[
                 {"ticket_id":42,"ticket_version":1764324000,"event":"ticket.updated","changed_at":"2026-11-28T09:00:00Z",
                  "chain_depth":0,"planned":{"actions":[{"field":"group_id","value":360001},
                  {"field":"add_tags","value":"escalated"}],"ticket_update":{"group_id":360001},"notify_url":null}}]}}
                """;

        private static final String HISTORY = """
                {"history":{"rule_id":5,"count":3,"firings":[
                 {"id":9,"ticket_id":42,"ticket_version":1764324000,"chain_depth":0,"decided_at":"2026-11-28T09:00:05Z",
                  "state":"done","attempts":2,"finished_at":"2026-11-28T09:00:09Z","actions":[
                  {"field":"group_id","value":360001,"outcome":"recognised","detail":null},
                  {"field":"notify","value":"https://hooks.example.test/x","outcome":"failed","detail":"HTTP 500 five times"}]}]}}
                """;

        @Test
        void shouldPrintWhatTheDryRunWouldDo() {
            sync.on("POST", "/api/connections/7/rules/5/dry-run", 200, MATCHES);

            Result result = cli.run("rules", "test", "7", "5", "--days", "3");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("""
                            Dry run of rule 5 over the last 3 days (since 2026-11-25T10:00:00Z): 1,200 evaluated, 1 match
                            TICKET  VERSION     EVENT           CHANGED AT            DEPTH  WOULD DO
                            42      1764324000  ticket.updated  2026-11-28T09:00:00Z  0      group_id=360001, add_tags=escalated
                            """);
            assertThat(sync.requests().get(0).body()).isEmpty();
        }

        @Test
        void shouldPrintEachFiringWithEachActionsOutcome() {
            sync.on("GET", "/api/connections/7/rules/5/history", 200, HISTORY);

            Result result = cli.run("rules", "history", "7", "5", "--limit", "1");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.out())
                    .isEqualTo("Rule 5 fired 3 times; the newest 1 below\n"
                            + "DECIDED AT            TICKET  VERSION     STATE  ATTEMPTS  ACTIONS\n"
                            + "2026-11-28T09:00:05Z  42      1764324000  done   2         group_id=360001: recognised,"
                            + " notify=https://hooks.example.test/x: failed (HTTP 500 five times)\n");
        }

        @Test
        void shouldExitWith1AndSayWhyWhenSyncRefusesTheDays() {
            sync.on(
                    "POST",
                    "/api/connections/7/rules/5/dry-run",
                    422,
                    "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"days\":"
                            + "[{\"description\":\"Days must be from 1 to 30 (changes are kept that long); it is 90\","
                            + "\"error\":\"InvalidValue\"}]}}");

            Result result = cli.run("rules", "test", "7", "5", "--days", "90");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("sync answered 422: RecordInvalid: Record validation errors\n"
                            + "  days: Days must be from 1 to 30 (changes are kept that long); it is 90\n");
        }

        @Test
        void shouldRefuseAnActionWithoutAValueBeforeCallingSync() {
            Result result = cli.run("rules", "add", "7", "--title", "T", "--action", "escalate");

            assertThat(result.exit()).isEqualTo(64);
            assertThat(result.err())
                    .startsWith("--action 'escalate' must be FIELD=VALUE, like group_id=360001 or add_tags=escalated");
            assertThat(sync.requests()).isEmpty();
        }

        @Test
        void shouldRefuseAFileAndFlagsTogether() {
            Result result = cli.run("rules", "add", "7", "--file", "rule.json", "--title", "T", "--action", "a=b");

            assertThat(result.exit()).isEqualTo(64);
            assertThat(sync.requests()).isEmpty();
        }
    }
}
