package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.common.time.HumanTime;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.engine.MinuteCount;
import io.deskbridge.sync.engine.RunState;
import io.deskbridge.sync.engine.RunTrigger;
import io.deskbridge.sync.engine.StreamName;
import io.deskbridge.sync.engine.StreamStatus;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.engine.SyncRun;
import io.deskbridge.sync.engine.SyncSchedule;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's pages over real HTTP with a signed-in browser-like client: a connection synced from
 * a real desk shows its facts, streams, chart, runs and tickets as the engine's facade reports them;
 * the buttons and the schedule form change the engine's state (read back through the facade), only
 * with the CSRF token; bad input gets a page that says what is wrong, never a 500; no secret shows.
 */
// Runs once, in the H2 pass: pages over the same store and engine queries the context, quota and
// automation tests run on PostgreSQL; its PostgreSQL pass took 173 s of the suite (issue 16, suite time).
@Tag("h2-only")
class ConsoleIntegrationTests extends SyncIntegrationTest {

    private static final Pattern ROW = Pattern.compile("<tr data-stream=\"([a-z_]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    private SyncEngine engine;

    private SyncedDesk desk;

    @BeforeAll
    void syncADesk() {
        desk = SyncedDesk.syncedOnce(connections, engine);
    }

    private SyncClient signedIn() {
        SyncClient browser = SyncClient.browser(baseUrl());
        assertThat(browser.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    /**
     * The one time format: relative words in a {@code time} element whose title is the exact UTC
     * time (the words change with the clock, so the test pins the element up to them).
     */
    private static String timeTag(Instant at) {
        return "<time datetime=\"" + at + "\" title=\"" + HumanTime.exact(at) + "\">";
    }

    private static Map<String, String> streamRows(String html) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.put(m.group(1), m.group(0));
        }
        return rows;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private long id() {
        return desk.connection.id();
    }

    @Nested
    class ConnectionPage {

        @Test
        void shouldShowTheConnectionsFactsWithoutItsSecret() {
            Response page = signedIn().get("/connections/" + id());

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<h1>" + escaped(desk.connection.name()) + "</h1>")
                    .contains("<code id=\"address\">" + desk.connection.address() + "</code>")
                    .contains("<dd id=\"credential-version\">1</dd>")
                    .contains("<dd id=\"auth\">api_token as admin@desk.test</dd>")
                    .contains("<dd id=\"received-at\">" + timeTag(desk.connection.credentialsReceivedAt()))
                    .contains("<span class=\"status ready\">Received</span>")
                    .contains("href=\"/connections/" + id() + "/diagnostics\"")
                    .contains("action=\"/connections/" + id() + "/request-links\"")
                    .contains("<button type=\"submit\" class=\"primary\" id=\"sync-now\">Sync now</button>")
                    .contains("<button type=\"submit\" id=\"pause\">Pause</button>")
                    .doesNotContain("id=\"resume\"")
                    .doesNotContain(desk.token)
                    .doesNotContain(OPERATOR_PASSWORD);
        }

        @Test
        void shouldShowEachStreamAsTheEngineReportsIt() {
            clock.freezeAt(clock.instant());
            List<StreamStatus> streams = engine.streams(id());

            String html = signedIn().get("/connections/" + id()).body();

            Map<String, String> rows = streamRows(html);
            assertThat(rows.keySet()).containsExactly("tickets", "users", "organizations", "ticket_comments");
            for (StreamStatus stream : streams) {
                String row = rows.get(stream.name().wireName());
                assertThat(row)
                        .as(stream.name().wireName())
                        .contains("data-state=\"" + stream.state() + "\"")
                        .contains("<td class=\"num records\">" + stream.records() + "</td>")
                        .contains("<td class=\"cursor time\">" + timeTag(stream.cursorTime()))
                        .contains("<td class=\"lag\">" + Formats.duration(stream.lagSeconds()) + "</td>")
                        .contains("#" + stream.lastRun().id() + " succeeded")
                        .contains("<td class=\"last-error\"></td>");
                long total = stream.recordsPerMinute().stream()
                        .mapToLong(MinuteCount::records)
                        .sum();
                assertThat(row)
                        .contains("<span class=\"hint chart-total\">" + Formats.records(total)
                                + " in the last hour</span>");
                Matcher bars = Pattern.compile("<rect class=\"bar\" x=\"\\d+\" y=\"\\d+\" width=\"4\" height=\"(\\d+)\""
                                + " data-records=\"(\\d+)\"><title>")
                        .matcher(row);
                long charted = 0;
                int count = 0;
                while (bars.find()) {
                    assertThat(Integer.parseInt(bars.group(1))).isBetween(1, RecordsChart.HEIGHT);
                    charted += Long.parseLong(bars.group(2));
                    count++;
                }
                assertThat(charted).as("records drawn for " + stream.name()).isEqualTo(total);
                assertThat(count).isEqualTo(stream.recordsPerMinute().size());
            }
            StreamStatus tickets = streams.get(0);
            assertThat(tickets.name()).isEqualTo(StreamName.TICKETS);
            assertThat(tickets.records()).isGreaterThanOrEqualTo(SyncedDesk.TICKETS);
            assertThat(tickets.lagSeconds()).isNotNull();
            // Caught up by its last run: the lag counts from that run's end, not from the cursor time
            // (the last change in Zendesk), which would keep growing while nothing changes.
            assertThat(tickets.lastRun().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(tickets.lagSeconds())
                    .isLessThanOrEqualTo(
                            java.time.Duration.between(tickets.lastRun().finishedAt(), Instant.now())
                                            .toSeconds()
                                    + 1);
            assertThat(rows.get("tickets"))
                    .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"rpm\"");
        }

        @Test
        void shouldShowTheLastErrorOfAFailedStream() {
            // A token desk never issued: every run fails on its first page (401, re-read once, fails).
            Connection broken = connections.create(
                    new NewConnection(
                            "Console unknown token", DeskProcess.shared().baseUrl()),
                    Actor.system());
            connections.receiveCredential(
                    broken.id(),
                    new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, newApiToken()),
                    new CredentialSource("the console tests", null),
                    Actor.system());
            List<SyncRun> queued = engine.requestSync(broken.id(), List.of(StreamName.USERS));
            SyncRun failed = awaitNotActive(queued.get(0).id());
            StreamStatus users = engine.streams(broken.id()).get(1);
            assertThat(users.state()).isEqualTo("failed");
            assertThat(users.lastError()).isEqualTo(failed.error()).isNotBlank();

            String row = streamRows(
                            signedIn().get("/connections/" + broken.id()).body())
                    .get("users");

            assertThat(row)
                    .contains("data-state=\"failed\"")
                    .contains("<td class=\"last-error\">" + escaped(failed.error()) + "</td>")
                    .contains("#" + failed.id() + " failed");

            // One of the streams failing: still active, and the page says how many fail.
            String onePage = signedIn().get("/connections/" + broken.id()).body();
            assertThat(onePage)
                    .contains("<span class=\"status ready\">Active</span>")
                    .contains(">1 stream failing</span>")
                    .doesNotContain(">Failing</span>");

            // Every stream failing: the badge no longer says "Active".
            for (SyncRun run : engine.requestSync(
                    broken.id(), List.of(StreamName.TICKETS, StreamName.ORGANIZATIONS, StreamName.TICKET_COMMENTS))) {
                awaitNotActive(run.id());
            }
            assertThat(engine.streams(broken.id())).allMatch(s -> "failed".equals(s.state()));
            String allPage = signedIn().get("/connections/" + broken.id()).body();
            assertThat(allPage)
                    .contains(">Failing</span>")
                    .doesNotContain("<span class=\"status ready\">Active</span>")
                    .doesNotContain("streams failing</span>");
        }

        @Test
        void shouldSayWhenTheConnectionIsUnknown() {
            Response page = signedIn().get("/connections/987654321");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body())
                    .contains("<p class=\"error\" role=\"alert\" id=\"missing\">There is no connection 987654321</p>");
        }

        @Test
        void shouldSayThatAConnectionIdIsANumber() {
            SyncClient browser = signedIn();
            for (String path : List.of("/connections/abc", "/connections/abc/runs", "/connections/1x/tickets")) {
                Response page = browser.get(path);
                assertThat(page.status()).as(path).isEqualTo(404);
                assertThat(page.body())
                        .as(path)
                        .contains(">There is no connection &quot;" + path.split("/")[2]
                                + "&quot;: connection ids are whole numbers</p>");
            }
        }

        @Test
        void shouldSendVisitorsToSignIn() {
            Response page = SyncClient.browser(baseUrl()).get("/connections/" + id());
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
        }

        @Test
        void shouldBeLinkedFromTheConnectionsList() {
            String list = signedIn().get("/connections").body();
            assertThat(list)
                    .contains("<a class=\"connection-name\" href=\"/connections/" + id() + "\">"
                            + escaped(desk.connection.name()) + "</a>")
                    .contains("<nav class=\"mainnav\" aria-label=\"Main\">");
        }
    }

    @Nested
    class Actions {

        @Test
        void shouldQueueEveryStreamOnSyncNow() {
            Connection fresh = desk.another(connections, "Console sync now");
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(
                    browser.get("/connections/" + fresh.id()).body());

            Response posted = browser.form("/connections/" + fresh.id() + "/sync", Map.of("_csrf", csrf));

            assertThat(posted.status()).isEqualTo(302);
            assertThat(posted.header("Location")).endsWith("/connections/" + fresh.id());
            List<SyncRun> runs = engine.runs(fresh.id());
            assertThat(runs).hasSize(4);
            assertThat(runs).allSatisfy(r -> assertThat(r.trigger()).isEqualTo(RunTrigger.MANUAL));
            assertThat(runs.stream().map(r -> r.stream()).toList()).containsExactlyInAnyOrder(StreamName.values());
            assertThat(browser.get("/connections/" + fresh.id()).body())
                    .contains("<p class=\"notice\" role=\"status\" id=\"notice\">Sync requested: ");
            // The runs share the desk's export budget with the other tests: stop them after their first page.
            engine.pause(fresh.id());
        }

        @Test
        void shouldQueueOneStream() {
            Connection fresh = desk.another(connections, "Console one stream");
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(
                    browser.get("/connections/" + fresh.id()).body());

            browser.form("/connections/" + fresh.id() + "/sync", Map.of("_csrf", csrf, "stream", "organizations"));

            List<SyncRun> runs = engine.runs(fresh.id());
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).stream()).isEqualTo(StreamName.ORGANIZATIONS);
            engine.pause(fresh.id());
        }

        @Test
        void shouldExplainWhySyncNowIsRefused() {
            Connection waiting = newConnection();
            SyncClient browser = signedIn();
            String page = browser.get("/connections/" + waiting.id()).body();
            assertThat(page)
                    .contains(
                            "<button type=\"submit\" class=\"primary\" id=\"sync-now\" disabled=\"disabled\">Sync now</button>")
                    .contains("<span class=\"status\">Awaiting credentials</span>");

            browser.form("/connections/" + waiting.id() + "/sync", Map.of("_csrf", SyncClient.csrfFrom(page)));
            assertThat(browser.get("/connections/" + waiting.id()).body())
                    .contains("id=\"problem\">Connection " + waiting.id() + " has no credentials yet; send them"
                            + " through a credential request link first</p>");
            Connection ready = desk.another(connections, "Console unknown stream");
            browser.form(
                    "/connections/" + ready.id() + "/sync",
                    Map.of("_csrf", SyncClient.csrfFrom(page), "stream", "tickets<b>"));
            assertThat(browser.get("/connections/" + ready.id()).body())
                    .contains("id=\"problem\">Stream: there is no stream &quot;tickets&lt;b&gt;&quot;; the streams are"
                            + " tickets, users, organizations, ticket_comments</p>");

            assertThat(engine.runs(waiting.id())).isEmpty();
            assertThat(engine.runs(ready.id())).isEmpty();
        }

        @Test
        void shouldPauseAndResume() {
            Connection fresh = desk.another(connections, "Console pause");
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(
                    browser.get("/connections/" + fresh.id()).body());

            Response paused = browser.form("/connections/" + fresh.id() + "/pause", Map.of("_csrf", csrf));

            assertThat(paused.status()).isEqualTo(302);
            assertThat(engine.paused(fresh.id())).isTrue();
            String page = browser.get("/connections/" + fresh.id()).body();
            assertThat(page)
                    .contains("id=\"notice\">Paused: schedules skip this connection")
                    .contains("<span class=\"status paused\">Paused</span>")
                    .contains("<button type=\"submit\" id=\"resume\">Resume</button>")
                    .doesNotContain("id=\"pause\"");

            browser.form("/connections/" + fresh.id() + "/sync", Map.of("_csrf", csrf));
            assertThat(engine.runs(fresh.id())).isEmpty();
            assertThat(browser.get("/connections/" + fresh.id()).body())
                    .contains("id=\"problem\">Connection " + fresh.id() + " is paused; resume it");

            browser.form("/connections/" + fresh.id() + "/resume", Map.of("_csrf", csrf));
            assertThat(engine.paused(fresh.id())).isFalse();
            assertThat(browser.get("/connections/" + fresh.id()).body())
                    .contains("<button type=\"submit\" id=\"pause\">Pause</button>");
        }

        @Test
        void shouldSaveTheSchedule() {
            Connection fresh = newConnection();
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(
                    browser.get("/connections/" + fresh.id()).body());

            Response saved = browser.form(
                    "/connections/" + fresh.id() + "/schedule",
                    Map.of("_csrf", csrf, "enabled", "true", "intervalMinutes", "15"));

            assertThat(saved.status()).isEqualTo(302);
            SyncSchedule schedule = engine.schedule(fresh.id());
            assertThat(schedule.enabled()).isTrue();
            assertThat(schedule.intervalMinutes()).isEqualTo(15);
            assertThat(browser.get("/connections/" + fresh.id()).body())
                    .contains(
                            "id=\"notice\">Schedule saved: every 15 min, next at " + Formats.time(schedule.nextRunAt()))
                    .contains("id=\"schedule-enabled\" name=\"enabled\" value=\"true\" checked=\"checked\"")
                    .contains("name=\"intervalMinutes\" min=\"1\" max=\"10080\" class=\"short\" value=\"15\"");

            browser.form("/connections/" + fresh.id() + "/schedule", Map.of("_csrf", csrf, "intervalMinutes", "30"));

            assertThat(engine.schedule(fresh.id()).enabled()).isFalse();
            assertThat(engine.schedule(fresh.id()).intervalMinutes()).isEqualTo(30);
        }

        @Test
        void shouldShowWhatIsWrongWithTheInterval() {
            Connection fresh = newConnection();
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(
                    browser.get("/connections/" + fresh.id()).body());
            SyncSchedule before = engine.schedule(fresh.id());

            Response words = browser.form(
                    "/connections/" + fresh.id() + "/schedule",
                    Map.of("_csrf", csrf, "enabled", "true", "intervalMinutes", "every <hour>"));
            Response zero = browser.form(
                    "/connections/" + fresh.id() + "/schedule",
                    Map.of("_csrf", csrf, "enabled", "true", "intervalMinutes", "0"));
            Response tooLong = browser.form(
                    "/connections/" + fresh.id() + "/schedule",
                    Map.of("_csrf", csrf, "enabled", "true", "intervalMinutes", "10081"));

            assertThat(words.status()).isEqualTo(422);
            assertThat(words.body())
                    .contains("id=\"schedule-problem\">Interval minutes: must be a whole number of minutes; it is"
                            + " &quot;every &lt;hour&gt;&quot;</div>")
                    .contains("value=\"every &lt;hour&gt;\"");
            assertThat(zero.status()).isEqualTo(422);
            assertThat(zero.body())
                    .contains("id=\"schedule-problem\">Interval minutes: must be from 1 to 10080; it is 0</div>");
            assertThat(tooLong.status()).isEqualTo(422);
            assertThat(tooLong.body())
                    .contains("id=\"schedule-problem\">Interval minutes: must be from 1 to 10080; it is 10081</div>");
            assertThat(engine.schedule(fresh.id())).isEqualTo(before);
        }

        @Test
        void shouldRefusePostsWithoutTheCsrfToken() {
            Connection fresh = desk.another(connections, "Console forged");
            SyncClient browser = signedIn();
            browser.get("/connections/" + fresh.id());

            for (String action : List.of("sync", "pause", "resume", "schedule")) {
                Response refused = browser.form(
                        "/connections/" + fresh.id() + "/" + action, Map.of("enabled", "true", "intervalMinutes", "5"));
                assertThat(refused.status()).as(action).isEqualTo(403);
            }

            assertThat(engine.runs(fresh.id())).isEmpty();
            assertThat(engine.paused(fresh.id())).isFalse();
            assertThat(engine.schedule(fresh.id()).enabled()).isFalse();
        }

        @Test
        void shouldAnswerAnUnknownConnectionWith404() {
            SyncClient browser = signedIn();
            String csrf = SyncClient.csrfFrom(browser.get("/connections").body());
            Response page = browser.form("/connections/987654321/pause", Map.of("_csrf", csrf));
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("There is no connection 987654321");
        }
    }

    @Nested
    class Runs {

        @Test
        void shouldListRunsNewestFirstWithTheirCounters() {
            List<SyncRun> runs = engine.runs(id());

            String html = signedIn().get("/connections/" + id() + "/runs").body();

            List<Long> shown = new ArrayList<>();
            Matcher ids = Pattern.compile("<tr id=\"run-(\\d+)\"").matcher(html);
            while (ids.find()) {
                shown.add(Long.parseLong(ids.group(1)));
            }
            assertThat(shown).isEqualTo(runs.stream().map(SyncRun::id).toList());
            assertThat(shown).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            for (SyncRun run : runs) {
                Matcher row = Pattern.compile("<tr id=\"run-" + run.id() + "\".*?</tr>", Pattern.DOTALL)
                        .matcher(html);
                assertThat(row.find()).isTrue();
                assertThat(row.group())
                        .contains("data-state=\"" + run.state().wireName() + "\"")
                        .contains("<td class=\"stream\">" + run.stream().wireName() + "</td>")
                        .contains("<td class=\"trigger\">manual</td>")
                        .contains("<td class=\"time\">" + timeTag(run.startedAt()))
                        .contains("<td class=\"time\">" + timeTag(run.finishedAt()))
                        .contains("<td class=\"num records\">" + run.records() + "</td>")
                        .contains("<td class=\"num pages\">" + run.pages() + "</td>")
                        .contains("<td class=\"num requests\">" + run.requests() + "</td>")
                        .contains("<td class=\"num rate-limited\">" + run.rateLimited() + "</td>")
                        .contains("<td class=\"num waited\">" + Formats.seconds(run.waitedSeconds()) + "</td>");
            }
        }

        @Test
        void shouldSayWhenThereAreNoRuns() {
            Connection fresh = newConnection();
            assertThat(signedIn().get("/connections/" + fresh.id() + "/runs").body())
                    .contains("id=\"no-runs\">No runs yet");
        }
    }

    @Nested
    class DataBrowser {

        @Test
        void shouldSearchAndPageThroughSyncedTickets() {
            SyncClient browser = signedIn();

            Response first = browser.get("/connections/" + id() + "/tickets?query=" + desk.marker);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body())
                    .contains("id=\"count\">" + SyncedDesk.TICKETS + " tickets match “" + desk.marker + "”</p>");
            List<Long> page1 = ticketIds(first.body());
            assertThat(page1).isEqualTo(desk.ticketIds.subList(0, TicketsPage.PAGE_SIZE));
            Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first.body());
            assertThat(next.find()).isTrue();

            Response second = browser.get(next.group(1).replace("&amp;", "&"));

            assertThat(ticketIds(second.body()))
                    .isEqualTo(desk.ticketIds.subList(TicketsPage.PAGE_SIZE, SyncedDesk.TICKETS));
            assertThat(second.body()).doesNotContain("id=\"next-page\"").contains("id=\"first-page\"");
        }

        @Test
        void shouldEscapeSubjectsAndMarkDeletedTickets() {
            String html = signedIn()
                    .get("/connections/" + id() + "/tickets?query=" + desk.markupTicket)
                    .body();

            assertThat(html)
                    .contains(
                            "<td class=\"subject\">" + desk.marker + " " + escaped(SyncedDesk.MARKUP_SUBJECT) + "</td>")
                    .doesNotContain("<script>")
                    .doesNotContain("<b>bold");
            Matcher deleted = Pattern.compile(
                            "<tr data-ticket-id=\"" + desk.deletedTicket + "\".*?</tr>", Pattern.DOTALL)
                    .matcher(signedIn()
                            .get("/connections/" + id() + "/tickets?query=" + desk.deletedTicket)
                            .body());
            assertThat(deleted.find()).isTrue();
            assertThat(deleted.group())
                    .contains("class=\"deleted\"")
                    .contains("<span class=\"status deleted-marker\">deleted</span>");
        }

        @Test
        void shouldShowATicketsStoredJsonEscaped() {
            Response page = signedIn().get("/connections/" + id() + "/tickets/" + desk.markupTicket);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<h1>Ticket " + desk.markupTicket + "</h1>")
                    .contains("<pre class=\"json\" id=\"json\">{\n  &quot;")
                    .contains("&quot;id&quot; : " + desk.markupTicket)
                    .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;")
                    .doesNotContain("<script>");
        }

        @Test
        void shouldAnswerAnUnknownTicketWith404() {
            SyncClient browser = signedIn();
            Response unknown = browser.get("/connections/" + id() + "/tickets/" + (desk.ticketIds.get(27) + 100_000));
            Response words = browser.get("/connections/" + id() + "/tickets/not-a-ticket");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body())
                    .contains("id=\"missing\">Connection " + id() + " has no synced ticket "
                            + (desk.ticketIds.get(27) + 100_000) + "</p>");
            assertThat(words.status()).isEqualTo(404);
            assertThat(words.body())
                    .contains(
                            "id=\"missing\">There is no ticket &quot;not-a-ticket&quot;: ticket ids are whole numbers</p>");
        }

        @Test
        void shouldSayWhenACursorIsNotOneItHandedOut() {
            Response page = signedIn().get("/connections/" + id() + "/tickets?query=x&after=forged");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body())
                    .contains("id=\"problem\">page[after] is not a cursor this list handed out</p>")
                    .contains("value=\"x\"");
        }

        private List<Long> ticketIds(String html) {
            List<Long> ids = new ArrayList<>();
            Matcher m = Pattern.compile("<tr data-ticket-id=\"(\\d+)\"").matcher(html);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        }
    }

    private SyncRun awaitNotActive(long runId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            SyncRun run = engine.run(runId);
            if (!run.state().active()) {
                return run;
            }
            assertThat(System.nanoTime()).as("run finishes: " + run).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
