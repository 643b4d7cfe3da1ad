package io.deskbridge.desk.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /incremental/ticket_metric_events} over real HTTP, in both paging styles, against the history
 * of one ticket made here (an agent's reply, pending, open again, solved) and Zendesk's OAS schema.
 */
class TicketMetricEventsIntegrationTests extends DeskIntegrationTest {

    private static final int MAX_PAGES = 200;

    private final OpenApiSchemas oas = OpenApiSchemas.full();

    private String auth;
    private Fixture fixture;

    private record Fixture(long ticket, long deletedTicket, long start) {}

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (fixture == null) {
            fixture = createFixture();
        }
        // Exports leave out the last minute; the fixture's history reaches 18 minutes ahead.
        clock.advance(Duration.ofMinutes(30));
    }

    private Fixture createFixture() {
        UserAccount requester = newUser(Role.END_USER);
        long start = Instant.now(clock).getEpochSecond();
        long ticket = created("{\"ticket\":{\"subject\":\"Metric events\",\"comment\":{\"body\":\"Help\"},"
                + "\"requester_id\":" + requester.id() + "}}");
        clock.advance(Duration.ofMinutes(5));
        update(ticket, "{\"ticket\":{\"status\":\"pending\",\"comment\":{\"body\":\"Which order?\",\"public\":true}}}");
        clock.advance(Duration.ofMinutes(10));
        update(ticket, "{\"ticket\":{\"status\":\"open\"}}");
        clock.advance(Duration.ofMinutes(3));
        update(ticket, "{\"ticket\":{\"status\":\"solved\"}}");
        long deleted = created("{\"ticket\":{\"subject\":\"Doomed\",\"comment\":{\"body\":\"Spam\"}}}");
        Response delete = api.send("DELETE", "/api/v2/tickets/" + deleted, auth, null);
        assertThat(delete.status()).isEqualTo(204);
        return new Fixture(ticket, deleted, start);
    }

    private long created(String body) {
        Response response = api.send("POST", "/api/v2/tickets", auth, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/ticket/id").asLong();
    }

    private void update(long ticket, String body) {
        Response response = api.send("PUT", "/api/v2/tickets/" + ticket, auth, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The time-based walk Airbyte 5.x and zenpy make: next_page until end_of_stream. */
    private Map<Long, JsonNode> walkByTime(String first) {
        Map<Long, JsonNode> events = new LinkedHashMap<>();
        String next = first;
        for (int page = 1; ; page++) {
            assertThat(page).isLessThanOrEqualTo(MAX_PAGES);
            Response response = api.get(next, auth);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(oas.violations("TicketMetricEventsResponse", OpenApiSchemas.parse(response.body())))
                    .isEmpty();
            JsonNode body = response.json();
            assertThat(body.path("count").asInt())
                    .isEqualTo(body.path("ticket_metric_events").size());
            body.path("ticket_metric_events")
                    .forEach(e -> events.put(e.path("id").asLong(), e));
            if (body.path("end_of_stream").asBoolean()) {
                return events;
            }
            next = body.path("next_page").asString().substring(baseUrl().length());
        }
    }

    /** The cursor walk dlt makes: links.next while meta.has_more. */
    private List<JsonNode> walkByCursor(String first, int size) {
        List<JsonNode> events = new ArrayList<>();
        String next = first;
        for (int page = 1; next != null; page++) {
            assertThat(page).isLessThanOrEqualTo(MAX_PAGES * 10);
            Response response = api.get(next, auth);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("ticket_metric_events").size()).isLessThanOrEqualTo(size);
            body.path("ticket_metric_events").forEach(events::add);
            next = body.at("/meta/has_more").asBoolean()
                    ? body.at("/links/next").asString().substring(baseUrl().length())
                    : null;
        }
        return events;
    }

    private static List<String> lines(List<JsonNode> events, long ticket, Instant t0) {
        return events.stream()
                .filter(e -> e.path("ticket_id").asLong() == ticket)
                .map(e -> e.path("metric").asString() + " "
                        + e.path("instance_id").asLong() + " "
                        + e.path("type").asString() + " +"
                        + Duration.between(t0, Instant.parse(e.path("time").asString()))
                                .toMinutes())
                .toList();
    }

    private Instant createdAt(long ticket) {
        return Instant.parse(api.get("/api/v2/tickets/" + ticket, auth)
                .json()
                .at("/ticket/created_at")
                .asString());
    }

    @Nested
    class TimeBased {

        @Test
        void shouldDeriveTheTicketsEventsFromItsHistoryInTimeOrder() {
            Map<Long, JsonNode> events =
                    walkByTime("/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start());

            List<String> mine = lines(new ArrayList<>(events.values()), fixture.ticket(), createdAt(fixture.ticket()));
            assertThat(mine)
                    .containsExactly(
                            "agent_work_time 0 measure +0",
                            "pausable_update_time 0 measure +0",
                            "periodic_update_time 0 measure +0",
                            "reply_time 0 measure +0",
                            "requester_wait_time 0 measure +0",
                            "agent_work_time 1 activate +0",
                            "pausable_update_time 1 activate +0",
                            "periodic_update_time 1 activate +0",
                            "reply_time 1 activate +0",
                            "requester_wait_time 1 activate +0",
                            "reply_time 1 fulfill +5",
                            "pausable_update_time 1 fulfill +5",
                            "pausable_update_time 2 activate +5",
                            "periodic_update_time 1 fulfill +5",
                            "periodic_update_time 2 activate +5",
                            "agent_work_time 1 pause +5",
                            "pausable_update_time 2 pause +5",
                            "requester_wait_time 1 pause +5",
                            "agent_work_time 1 activate +15",
                            "pausable_update_time 2 activate +15",
                            "requester_wait_time 1 activate +15",
                            "agent_work_time 1 fulfill +18",
                            "pausable_update_time 2 fulfill +18",
                            "periodic_update_time 2 fulfill +18",
                            "requester_wait_time 1 fulfill +18");
        }

        @Test
        void shouldAgreeWithTheTicketsMetricSet() {
            JsonNode metric = api.get("/api/v2/tickets/" + fixture.ticket() + "/metrics", auth)
                    .json()
                    .path("ticket_metric");
            Map<Long, JsonNode> events =
                    walkByTime("/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start());

            JsonNode replyFulfilled = events.values().stream()
                    .filter(e -> e.path("ticket_id").asLong() == fixture.ticket())
                    .filter(e -> e.path("metric").asString().equals("reply_time"))
                    .filter(e -> e.path("type").asString().equals("fulfill"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Duration.between(
                                    createdAt(fixture.ticket()),
                                    Instant.parse(replyFulfilled.path("time").asString()))
                            .toSeconds())
                    .isEqualTo(metric.at("/reply_time_in_seconds/calendar").asLong());
            assertThat(replyFulfilled.path("time").asString())
                    .isEqualTo(metric.path("latest_comment_added_at").asString());
        }

        @Test
        void shouldAnswerAnEmptyLastPageForAStartTimeOfNowAsTapZendeskProbes() {
            long now = Instant.now(clock).getEpochSecond();
            Response response = api.get("/api/v2/incremental/ticket_metric_events.json?start_time=" + now, auth);

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("ticket_metric_events").size()).isZero();
            assertThat(body.path("count").asInt()).isZero();
            assertThat(body.path("end_of_stream").asBoolean()).isTrue();
            assertThat(body.path("end_time").asLong()).isEqualTo(now);
        }

        @Test
        void shouldLeaveOutDeletedTicketsOnlyWhenAsked() {
            String path = "/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start();
            Map<Long, JsonNode> all = walkByTime(path);
            Map<Long, JsonNode> live = walkByTime(path + "&exclude_deleted=true");

            assertThat(all.values()).anyMatch(e -> e.path("ticket_id").asLong() == fixture.deletedTicket());
            assertThat(live.values()).noneMatch(e -> e.path("ticket_id").asLong() == fixture.deletedTicket());
            assertThat(live.values()).anyMatch(e -> e.path("ticket_id").asLong() == fixture.ticket());
        }
    }

    @Nested
    class Cursor {

        @Test
        void shouldServeTheSameEventsInPagesOfPageSizeWithoutRepeats() {
            Map<Long, JsonNode> byTime =
                    walkByTime("/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start());
            List<JsonNode> byCursor = walkByCursor(
                    "/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start() + "&page[size]=7", 7);

            List<Long> ids = byCursor.stream().map(e -> e.path("id").asLong()).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsExactlyElementsOf(byTime.keySet());
        }

        @Test
        void shouldAnswerZendesksShapeWithMetaAndLinks() {
            Response response = api.get(
                    "/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start() + "&page[size]=2", auth);

            assertThat(response.status()).isEqualTo(200);
            assertThat(oas.violations("TicketMetricEventsResponse", OpenApiSchemas.parse(response.body())))
                    .isEmpty();
            JsonNode body = response.json();
            assertThat(body.path("ticket_metric_events").size()).isEqualTo(2);
            assertThat(body.at("/meta/has_more").asBoolean()).isTrue();
            assertThat(body.at("/links/next").asString())
                    .contains("start_time=" + fixture.start())
                    .contains("page%5Bafter%5D=" + body.at("/meta/after_cursor").asString());
        }

        @Test
        void shouldRefuseWalkingBackwards() {
            Response response = api.get(
                    "/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start() + "&page[before]=x", auth);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidPaginationParameter");
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRequireAStartTime() {
            Response response = api.get("/api/v2/incremental/ticket_metric_events", auth);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/title").asString())
                    .isEqualTo("start_time is required (epoch seconds), or send a cursor");
        }

        @Test
        void shouldRefuseAgentsAsZendeskAllowsAdminsOnly() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));

            Response response =
                    api.get("/api/v2/incremental/ticket_metric_events?start_time=" + fixture.start(), agentAuth);

            assertThat(response.status()).isEqualTo(403);
        }
    }
}
