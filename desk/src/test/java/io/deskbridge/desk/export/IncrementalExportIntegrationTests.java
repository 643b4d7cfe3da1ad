package io.deskbridge.desk.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Incremental exports over real HTTP. Its own desk (the clock is frozen and moved here), with the
 * account's limits lifted so the many export calls are not throttled.
 */
@TestPropertySource(properties = {"desk.test.context=exports", "desk.rate-limit.enforce=false"})
class IncrementalExportIntegrationTests extends DeskIntegrationTest {

    @Autowired
    Tickets tickets;

    private DeskPrincipal ownerPrincipal() {
        return DeskPrincipal.of(owner(), DeskPrincipal.Via.API_TOKEN, null);
    }

    static TicketChanges ticket(String subject) {
        return TicketChanges.none().withSubject(subject).withComment("Body of " + subject);
    }

    static TicketChanges status(String status) {
        return TicketChanges.none().withStatus(status);
    }

    /** Follows a cursor export to end_of_stream, recording every (id, generated_timestamp, status). */
    private String drain(String auth, String firstUrl, List<JsonNode> seen) {
        String url = firstUrl;
        String after = null;
        while (true) {
            Response page = api.get(url.replace(baseUrl(), ""), auth);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = page.json();
            body.path("tickets").forEach(seen::add);
            after = body.path("after_cursor").asString();
            url = body.path("after_url").asString();
            if (body.path("end_of_stream").asBoolean()) {
                return after;
            }
        }
    }

    @Nested
    class CursorExport {

        @Test
        void shouldSeeEveryLatestStateAndNeverRepeatAPairAcrossBurstsUpdatesAndDeletes() {
            Instant t0 = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
            clock.freezeAt(t0);
            String auth = ownerAuth();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 2_600; i++) {
                ids.add(tickets.create(ownerPrincipal(), ticket("burst " + i))
                        .ticket()
                        .id());
            }
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 400; i++) {
                ids.add(tickets.create(ownerPrincipal(), ticket("second burst " + i))
                        .ticket()
                        .id());
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE generated_timestamp = :ts")
                            .param("ts", t0.getEpochSecond())
                            .query(Long.class)
                            .single())
                    .as("tickets sharing one generated_timestamp")
                    .isGreaterThanOrEqualTo(2_500);
            clock.advance(Duration.ofSeconds(61));

            List<JsonNode> seen = new ArrayList<>();
            Response first = api.get(
                    "/api/v2/incremental/tickets/cursor?per_page=1000&start_time=" + (t0.getEpochSecond() - 1), auth);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            first.json().path("tickets").forEach(seen::add);
            assertThat(first.json().path("end_of_stream").asBoolean()).isFalse();

            // While the export is under way: change tickets already exported and tickets not yet reached.
            for (int i = 0; i < 50; i++) {
                long exported = ids.get(i * 7);
                long pending = ids.get(2_000 + i * 7);
                tickets.update(ownerPrincipal(), exported, status("pending"));
                tickets.update(ownerPrincipal(), pending, status("solved"));
            }
            for (int i = 0; i < 20; i++) {
                long victim = ids.get(100 + i * 11);
                tickets.delete(ownerPrincipal(), victim);
            }
            // Two updates of one ticket within one second: the export then sees its latest state once,
            // as a pair distinct from its creation.
            tickets.update(ownerPrincipal(), ids.get(5), status("open"));
            tickets.update(ownerPrincipal(), ids.get(5), status("hold"));

            String after = drain(auth, first.json().path("after_url").asString(), seen);
            clock.advance(Duration.ofSeconds(120));
            drain(auth, baseUrl() + "/api/v2/incremental/tickets/cursor.json?cursor=" + after, seen);

            Set<String> pairs = new HashSet<>();
            Map<Long, JsonNode> latest = new HashMap<>();
            for (JsonNode t : seen) {
                String pair = t.path("id").asLong() + "@"
                        + t.path("generated_timestamp").asLong();
                assertThat(pairs.add(pair)).as("pair %s seen twice", pair).isTrue();
                latest.merge(
                        t.path("id").asLong(),
                        t,
                        (a, b) -> b.path("generated_timestamp").asLong()
                                        >= a.path("generated_timestamp").asLong()
                                ? b
                                : a);
            }
            assertThat(latest.keySet()).containsAll(ids);
            for (long id : ids) {
                String expectedStatus = jdbc.sql(
                                "SELECT CASE WHEN deleted_at IS NULL THEN status ELSE 'deleted' END FROM tickets WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single();
                long expectedTs = jdbc.sql("SELECT generated_timestamp FROM tickets WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single();
                assertThat(latest.get(id).path("status").asString())
                        .as("status of %d", id)
                        .isEqualTo(expectedStatus);
                assertThat(latest.get(id).path("generated_timestamp").asLong()).isEqualTo(expectedTs);
            }
            assertThat(seen.stream()
                            .filter(t -> t.path("id").asLong() == ids.get(5))
                            .count())
                    .as("ticket updated twice in one second: its creation and its latest state")
                    .isEqualTo(2);
            assertThat(latest.get(ids.get(5)).path("status").asString()).isEqualTo("hold");
        }
    }

    @Nested
    class Rules {

        @Test
        void shouldAnswerAStartTimeInsideTheFreshnessWindowWithAnEmptyPageThatEndsTheStream() {
            String auth = ownerAuth();
            long recent = Instant.now(clock).getEpochSecond() - 10;
            Response response = api.get("/api/v2/incremental/tickets?start_time=" + recent, auth);
            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("tickets").size()).isZero();
            assertThat(body.path("count").asLong()).isZero();
            assertThat(body.path("end_time").asLong()).isEqualTo(recent);
            assertThat(body.path("end_of_stream").asBoolean()).isTrue();
        }

        @Test
        void shouldNotServeChangesFromTheLastMinute() {
            String auth = ownerAuth();
            Instant t0 = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
            clock.freezeAt(t0);
            long id = tickets.create(ownerPrincipal(), ticket("fresh")).ticket().id();
            clock.advance(Duration.ofSeconds(30));
            JsonNode young = api.get("/api/v2/incremental/tickets?start_time=" + (t0.getEpochSecond() - 100), auth)
                    .json();
            List<Long> youngIds = new ArrayList<>();
            young.path("tickets").forEach(t -> youngIds.add(t.path("id").asLong()));
            assertThat(youngIds).doesNotContain(id);
            clock.advance(Duration.ofSeconds(31));
            JsonNode old = api.get("/api/v2/incremental/tickets?start_time=" + (t0.getEpochSecond() - 100), auth)
                    .json();
            List<Long> oldIds = new ArrayList<>();
            old.path("tickets").forEach(t -> oldIds.add(t.path("id").asLong()));
            assertThat(oldIds).contains(id);
        }

        @Test
        void shouldRefuseAForgedCursor() {
            String auth = ownerAuth();
            Response response = api.get("/api/v2/incremental/tickets/cursor?cursor=eyJmb3JnZWQiOnRydWV9.AAAA", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidCursor");
            String usersCursor = api.get("/api/v2/incremental/users/cursor?start_time=0&per_page=1", auth)
                    .json()
                    .path("after_cursor")
                    .asString();
            assertThat(api.get("/api/v2/incremental/tickets/cursor?cursor=" + usersCursor, auth)
                            .status())
                    .as("a users cursor on the tickets export")
                    .isEqualTo(400);
        }

        @Test
        void shouldShowDeletedTicketsUnlessExcluded() {
            String auth = ownerAuth();
            Instant t0 = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
            clock.freezeAt(t0);
            long id = tickets.create(ownerPrincipal(), ticket("to delete"))
                    .ticket()
                    .id();
            tickets.delete(ownerPrincipal(), id);
            clock.advance(Duration.ofSeconds(61));
            String query = "start_time=" + (t0.getEpochSecond() - 1);
            JsonNode all =
                    api.get("/api/v2/incremental/tickets/cursor?" + query, auth).json();
            assertThat(all.path("tickets").get(0).path("id").asLong()).isEqualTo(id);
            assertThat(all.path("tickets").get(0).path("status").asString()).isEqualTo("deleted");
            JsonNode excluded = api.get("/api/v2/incremental/tickets/cursor?exclude_deleted=true&" + query, auth)
                    .json();
            assertThat(excluded.path("tickets")).isEmpty();
            JsonNode withMetrics = api.get("/api/v2/incremental/tickets?include=metric_sets&" + query, auth)
                    .json();
            assertThat(withMetrics.has("metric_sets"))
                    .as("embedded, not a top-level sideload")
                    .isFalse();
            assertThat(withMetrics.at("/tickets/0/metric_set/ticket_id").asLong())
                    .isEqualTo(id);
        }

        @Test
        void shouldExportEachTicketAsTheTicketEndpointAndShowManyShowItAndShowItsUpdates() {
            String auth = ownerAuth();
            Instant t0 = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
            clock.freezeAt(t0);
            Response created = api.send("POST", "/api/v2/tickets", auth, """
                    {"ticket": {"subject": "Quotes \\" back\\\\slash \\n é 😀 </script>", "type": "incident",
                      "priority": "high", "tags": ["vip", "billing"], "comment": {"body": "Exported as shown"}}}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().at("/ticket/id").asLong();
            // Rendered once by GET /tickets/{id} (the read cache), then by show_many (from the cache: equal row).
            String shown =
                    api.get("/api/v2/tickets/" + id, auth).json().path("ticket").toString();
            String shownMany = api.get("/api/v2/tickets/show_many?ids=" + id, auth)
                    .json()
                    .at("/tickets/0")
                    .toString();
            assertThat(shownMany).isEqualTo(shown);
            clock.advance(Duration.ofSeconds(61));
            String query = "start_time=" + (t0.getEpochSecond() - 1);
            JsonNode page =
                    api.get("/api/v2/incremental/tickets/cursor?" + query, auth).json();
            assertThat(byId(page, id).toString())
                    .as("the exported ticket object, fields in the same order")
                    .isEqualTo(shown);
            JsonNode byTime = byId(
                    api.get("/api/v2/incremental/tickets?include=metric_sets&" + query, auth)
                            .json(),
                    id);
            assertThat(byTime.at("/metric_set/ticket_id").asLong()).isEqualTo(id);
            ((tools.jackson.databind.node.ObjectNode) byTime).remove("metric_set");
            assertThat(byTime.toString()).isEqualTo(shown);

            tickets.update(ownerPrincipal(), id, status("pending").withSubject("Updated after the export"));
            String shownAfter =
                    api.get("/api/v2/tickets/" + id, auth).json().path("ticket").toString();
            assertThat(api.get("/api/v2/tickets/show_many?ids=" + id, auth)
                            .json()
                            .at("/tickets/0")
                            .toString())
                    .isEqualTo(shownAfter);
            clock.advance(Duration.ofSeconds(61));
            JsonNode next = api.get(
                            "/api/v2/incremental/tickets/cursor?cursor="
                                    + page.path("after_cursor").asString(),
                            auth)
                    .json();

            assertThat(byId(next, id).path("subject").asString()).isEqualTo("Updated after the export");
            assertThat(byId(next, id).path("status").asString()).isEqualTo("pending");
            assertThat(byId(next, id).toString()).isEqualTo(shownAfter);
        }

        /** The page's ticket with that id (the database may hold other tests' tickets of those seconds). */
        private static JsonNode byId(JsonNode page, long id) {
            List<JsonNode> found = new ArrayList<>();
            page.path("tickets").forEach(t -> {
                if (t.path("id").asLong() == id) {
                    found.add(t);
                }
            });
            assertThat(found).as("ticket %d on the page", id).hasSize(1);
            return found.get(0);
        }

        @Test
        void shouldRepeatTheBoundarySecondOfTimeBasedPages() {
            String auth = ownerAuth();
            Instant t0 = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
            clock.freezeAt(t0);
            for (int i = 0; i < 3; i++) {
                tickets.create(ownerPrincipal(), ticket("a" + i));
            }
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 3; i++) {
                tickets.create(ownerPrincipal(), ticket("b" + i));
            }
            clock.advance(Duration.ofSeconds(61));
            JsonNode page = api.get("/api/v2/incremental/tickets?per_page=4&start_time=" + t0.getEpochSecond(), auth)
                    .json();
            assertThat(page.path("count").asInt()).isEqualTo(4);
            assertThat(page.path("end_time").asLong()).isEqualTo(t0.getEpochSecond() + 1);
            assertThat(page.path("end_of_stream").asBoolean()).isFalse();
            JsonNode next = api.get(page.path("next_page").asString().replace(baseUrl(), ""), auth)
                    .json();
            assertThat(next.path("count").asInt())
                    .as("the boundary second comes again")
                    .isEqualTo(3);

            JsonNode busySecond = api.get(
                            "/api/v2/incremental/tickets?per_page=2&start_time=" + t0.getEpochSecond(), auth)
                    .json();
            assertThat(busySecond.path("count").asInt())
                    .as("a full page inside one second takes the whole second")
                    .isEqualTo(3);
            assertThat(busySecond.path("end_time").asLong()).isEqualTo(t0.getEpochSecond() + 1);
        }

        @Test
        void shouldExportCommentsAsChildEventsOfTicketEvents() {
            String auth = ownerAuth();
            Instant t0 = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
            clock.freezeAt(t0);
            long id =
                    tickets.create(ownerPrincipal(), ticket("events")).ticket().id();
            clock.advance(Duration.ofSeconds(61));
            String query = "/api/v2/incremental/ticket_events?start_time=" + t0.getEpochSecond();
            JsonNode withComments =
                    api.get(query + "&include=comment_events", auth).json();
            JsonNode event = withComments.path("ticket_events").get(0);
            assertThat(event.path("ticket_id").asLong()).isEqualTo(id);
            JsonNode comment = null;
            for (JsonNode child : event.path("child_events")) {
                if (child.path("event_type").asString().equals("Comment")) {
                    comment = child;
                }
            }
            assertThat(comment).isNotNull();
            assertThat(comment.path("body").asString()).isEqualTo("Body of events");
            assertThat(comment.path("author_id").asLong()).isEqualTo(owner().id());
            assertThat(comment.path("public").asBoolean()).isTrue();
            assertThat(comment.path("ticket_id").asLong()).isEqualTo(id);
            assertThat(comment.path("created_at").asString()).isEqualTo(t0.toString());

            JsonNode withoutComments = api.get(query, auth).json();
            withoutComments
                    .path("ticket_events")
                    .get(0)
                    .path("child_events")
                    .forEach(child ->
                            assertThat(child.path("event_type").asString()).isNotEqualTo("Comment"));
        }

        @Test
        void shouldRefuseAgentsTheExports() {
            var agent = newUser(Role.AGENT);
            String agentAuth = io.deskbridge.desk.support.DeskClient.tokenAuth(
                    agent.email(),
                    issueToken(
                            owner(),
                            io.deskbridge.desk.apitoken.TokenScope.FULL,
                            io.deskbridge.desk.apitoken.AuthenticatesAs.ANY_USER));
            assertThat(api.get("/api/v2/incremental/tickets?start_time=0", agentAuth)
                            .status())
                    .isEqualTo(403);
        }
    }
}
