package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ticket-level surface real connectors read (issue 13; the connector catalog's P0/P1 rows for
 * tickets): {@code fields} on every ticket, {@code start_time} in the forms clients send, metric sets
 * computed from a ticket's history, audits, and the correctness fixes (external_id filter,
 * safe_update, counts, groups update/delete, 405 and 403 bodies, repeated parameters). Each new body
 * is checked against Zendesk's official OpenAPI document as well as for exact values.
 *
 * <p>One ticket with a known history is made once per class, three days in the past (so exports
 * serve it): created open and assigned at t0, a public agent reply and pending at +30 min, solved at
 * +90, reopened with a private note at +120, solved again at +180.
 */
@DisplayName("tickets: the surface connectors read")
class TicketSurfaceIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();

    private String auth;
    private Fixture fixture;

    private record Fixture(
            long ticketId, String externalId, long groupId, Instant t0, Instant updatedAt, List<Long> auditIds) {}

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (fixture == null) {
            fixture = seed();
        }
    }

    private Fixture seed() {
        Instant t0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        long groupId = send(
                        "POST", "/api/v2/groups", Map.of("group", Map.of("name", "Surface " + UUID.randomUUID())), 201)
                .at("/group/id")
                .asLong();
        String externalId = "surface-" + UUID.randomUUID();
        clock.freezeAt(t0);
        try {
            long id = send(
                            "POST",
                            "/api/v2/tickets",
                            Map.of(
                                    "ticket",
                                    Map.of(
                                            "subject", "Printer on fire",
                                            "comment", Map.of("body", "It smokes"),
                                            "requester",
                                                    Map.of(
                                                            "name",
                                                            "Req",
                                                            "email",
                                                            "req-" + UUID.randomUUID() + "@example.com"),
                                            "assignee_id", owner().id(),
                                            "group_id", groupId,
                                            "external_id", externalId,
                                            "custom_fields", List.of(Map.of("id", 360000000001L, "value", "blue")))),
                            201)
                    .at("/ticket/id")
                    .asLong();
            clock.advance(Duration.ofMinutes(30));
            update(id, Map.of("status", "pending", "comment", Map.of("body", "Have you tried water?", "public", true)));
            clock.advance(Duration.ofMinutes(60));
            update(id, Map.of("status", "solved"));
            clock.advance(Duration.ofMinutes(30));
            update(id, Map.of("status", "open", "comment", Map.of("body", "Internal: it is back", "public", false)));
            clock.advance(Duration.ofMinutes(60));
            JsonNode last = update(id, Map.of("status", "solved"));
            List<Long> auditIds = new ArrayList<>();
            jdbc.sql("SELECT id FROM ticket_audits WHERE ticket_id = :id ORDER BY id")
                    .param("id", id)
                    .query(Long.class)
                    .list()
                    .forEach(auditIds::add);
            return new Fixture(
                    id,
                    externalId,
                    groupId,
                    t0,
                    Instant.parse(last.at("/ticket/updated_at").asString()),
                    List.copyOf(auditIds));
        } finally {
            clock.reset();
        }
    }

    private JsonNode update(long id, Map<String, Object> ticket) {
        return send("PUT", "/api/v2/tickets/" + id, Map.of("ticket", ticket), 200);
    }

    private JsonNode send(String method, String path, Map<String, Object> body, int status) {
        Response response = api.send(method, path, auth, DeskClient.json(body));
        assertThat(response.status())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(status);
        return response.json();
    }

    private JsonNode get(String path) {
        Response response = api.get(path, auth);
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.json();
    }

    /** The body against the named schema of Zendesk's document: no violations. */
    private void assertSchema(String schema, JsonNode body) {
        assertThat(oas.violations(schema, OpenApiSchemas.parse(body.toString())))
                .as("%s against %s", body, schema)
                .isEmpty();
    }

    private String at(long minutes) {
        return fixture.t0().plus(Duration.ofMinutes(minutes)).toString();
    }

    @Nested
    class Fields {

        @Test
        void shouldRenderFieldsAsACopyOfCustomFieldsOnShowListSearchAndExports() {
            String expected = "[{\"id\":360000000001,\"value\":\"blue\"}]";
            JsonNode shown = get("/api/v2/tickets/" + fixture.ticketId()).path("ticket");
            assertThat(shown.path("custom_fields").toString()).isEqualTo(expected);
            assertThat(shown.path("fields").toString()).isEqualTo(expected);
            JsonNode listed = get("/api/v2/tickets?external_id=" + fixture.externalId())
                    .path("tickets")
                    .get(0);
            assertThat(listed.path("fields").toString()).isEqualTo(expected);
            JsonNode found = get("/api/v2/search?query=" + fixture.externalId())
                    .path("results")
                    .get(0);
            assertThat(found.path("fields").toString()).isEqualTo(expected);
            JsonNode exported = exportedFixture("/api/v2/incremental/tickets/cursor?start_time="
                    + fixture.t0().getEpochSecond());
            assertThat(exported.path("fields").toString()).isEqualTo(expected);
        }
    }

    private JsonNode exportedFixture(String path) {
        for (JsonNode t : get(path).path("tickets")) {
            if (t.path("id").asLong() == fixture.ticketId()) {
                return t;
            }
        }
        throw new AssertionError("ticket " + fixture.ticketId() + " not in " + path);
    }

    @Nested
    class StartTime {

        @Test
        void shouldAcceptTapZendesksFloatStartTimeOnTheCursorExport() {
            long start = fixture.t0().getEpochSecond();
            JsonNode ticket =
                    exportedFixture("/api/v2/incremental/tickets/cursor.json?start_time=" + start + ".0&per_page=1000");
            assertThat(ticket.path("id").asLong()).isEqualTo(fixture.ticketId());
        }

        @Test
        void shouldReadZenpysIsoProbeOnOrganizationsAsItsLeadingNumberAndAnswer200() {
            Response response = api.get("/api/v2/incremental/organizations.json?start_time=2026-05-01T12:00:00Z", auth);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("organizations").isArray()).isTrue();
            assertThat(response.json().path("end_of_stream").isBoolean()).isTrue();
        }

        @Test
        void shouldAnswerAStartTimeOfNowWithAnEmptyPageThatEndsWhereItStarted() {
            long now = Instant.now().getEpochSecond();
            JsonNode body = get("/api/v2/incremental/tickets/cursor?start_time=" + now);
            assertThat(body.path("tickets").size()).isZero();
            assertThat(body.path("end_of_stream").asBoolean()).isTrue();
            assertThat(body.path("after_cursor").isString()).isTrue();
        }

        @Test
        void shouldRefuseAStartTimeWithoutLeadingDigits() {
            Response response = api.get("/api/v2/incremental/tickets?start_time=yesterday", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidValue\",\"title\":\"start_time must be epoch seconds"
                            + " (a whole number; a fraction is dropped) (got \\\"yesterday\\\")\"}]}");
        }
    }

    @Nested
    class Metrics {

        /** Every value follows from the fixture's history (see the class comment). */
        private void assertFixtureMetrics(JsonNode m) {
            long id = fixture.ticketId();
            assertThat(m.path("id").asLong()).isEqualTo(id);
            assertThat(m.path("ticket_id").asLong()).isEqualTo(id);
            assertThat(m.path("url").asString()).isEqualTo(baseUrl() + "/api/v2/ticket_metrics/" + id + ".json");
            assertThat(m.path("created_at").asString()).isEqualTo(at(0));
            assertThat(m.path("updated_at").asString())
                    .isEqualTo(fixture.updatedAt().toString());
            assertThat(m.path("replies").asInt()).isEqualTo(1);
            assertThat(m.path("reopens").asInt()).isEqualTo(1);
            assertThat(m.path("assignee_stations").asInt()).isEqualTo(1);
            assertThat(m.path("group_stations").asInt()).isEqualTo(1);
            assertThat(m.path("initially_assigned_at").asString()).isEqualTo(at(0));
            assertThat(m.path("assigned_at").asString()).isEqualTo(at(0));
            assertThat(m.path("solved_at").asString()).isEqualTo(at(180));
            assertThat(m.path("status_updated_at").asString()).isEqualTo(at(180));
            assertThat(m.path("latest_comment_added_at").asString()).isEqualTo(at(120));
            assertThat(m.path("assignee_updated_at").asString()).isEqualTo(at(180));
            assertThat(m.path("requester_updated_at").isNull()).isTrue();
            assertThat(m.path("reply_time_in_minutes").toString()).isEqualTo("{\"calendar\":30,\"business\":30}");
            assertThat(m.path("reply_time_in_seconds").toString()).isEqualTo("{\"calendar\":1800}");
            assertThat(m.path("first_resolution_time_in_minutes").toString())
                    .isEqualTo("{\"calendar\":90,\"business\":90}");
            assertThat(m.path("full_resolution_time_in_minutes").toString())
                    .isEqualTo("{\"calendar\":180,\"business\":180}");
            assertThat(m.path("agent_wait_time_in_minutes").toString()).isEqualTo("{\"calendar\":60,\"business\":60}");
            assertThat(m.path("requester_wait_time_in_minutes").toString())
                    .isEqualTo("{\"calendar\":90,\"business\":90}");
            assertThat(m.path("on_hold_time_in_minutes").toString()).isEqualTo("{\"calendar\":0,\"business\":0}");
        }

        /**
         * Deviation, documented: {@code requester_updated_at} is null (the requester never wrote), and
         * Zendesk's document types it as a non-nullable date-time string though Zendesk itself sends
         * null there. Everything else validates.
         */
        private void assertMetricSchema(JsonNode metric) {
            assertThat(oas.violations("TicketMetricObject", OpenApiSchemas.parse(metric.toString())))
                    .as("%s", metric)
                    .allSatisfy(v -> assertThat(v).startsWith("/requester_updated_at: "))
                    .hasSize(1);
        }

        @Test
        void shouldEmbedEachTicketsMetricSetInTheCursorExportWithIncludeMetricSets() {
            String path = "/api/v2/incremental/tickets/cursor?include=metric_sets&start_time="
                    + fixture.t0().getEpochSecond();
            JsonNode body = get(path);
            assertThat(body.has("metric_sets")).as("no top-level sideload").isFalse();
            JsonNode metric = exportedFixture(path).path("metric_set");
            assertFixtureMetrics(metric);
            assertMetricSchema(metric);
        }

        @Test
        void shouldEmbedTheMetricSetInTheTimeBasedExportTooAndNotWithoutTheInclude() {
            long start = fixture.t0().getEpochSecond();
            assertFixtureMetrics(exportedFixture("/api/v2/incremental/tickets?include=metric_sets&start_time=" + start)
                    .path("metric_set"));
            assertThat(exportedFixture("/api/v2/incremental/tickets?start_time=" + start)
                            .has("metric_set"))
                    .isFalse();
        }

        @Test
        void shouldServeTheSameMetricSetUnderTicketMetricsAndTheTicket() {
            JsonNode byId = get("/api/v2/ticket_metrics/" + fixture.ticketId());
            assertFixtureMetrics(byId.path("ticket_metric"));
            assertMetricSchema(byId.path("ticket_metric"));
            JsonNode ofTicket = get("/api/v2/tickets/" + fixture.ticketId() + "/metrics.json");
            assertThat(ofTicket).isEqualTo(byId);
        }

        @Test
        void shouldListMetricSetsWithOffsetAndCursorPaging() {
            JsonNode offset = get("/api/v2/ticket_metrics?per_page=100");
            assertThat(offset.path("count").asLong())
                    .isEqualTo(get("/api/v2/tickets/count").at("/count/value").asLong());
            JsonNode cursor = get("/api/v2/ticket_metrics?page[size]=1");
            assertThat(cursor.path("ticket_metrics").size()).isEqualTo(1);
            assertThat(cursor.at("/meta/has_more").isBoolean()).isTrue();
            List<JsonNode> all = new ArrayList<>();
            offset.path("ticket_metrics").forEach(all::add);
            JsonNode mine = all.stream()
                    .filter(m -> m.path("ticket_id").asLong() == fixture.ticketId())
                    .findFirst()
                    .orElseThrow();
            assertFixtureMetrics(mine);
        }

        @Test
        void shouldAnswer404ForTheMetricsOfAnUnknownTicket() {
            Response response = api.get("/api/v2/tickets/999999999/metrics", auth);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }
    }

    @Nested
    class Audits {

        @Test
        void shouldListATicketsAuditsWithOffsetPagingAndCommentsAsCommentEvents() {
            JsonNode body = get("/api/v2/tickets/" + fixture.ticketId() + "/audits.json");
            assertSchema("TicketAuditsResponseNoneCursor", body);
            assertThat(body.path("count").asInt()).isEqualTo(5);
            assertThat(body.path("next_page").isNull()).isTrue();
            List<Long> ids = new ArrayList<>();
            body.path("audits").forEach(a -> ids.add(a.path("id").asLong()));
            assertThat(ids).isEqualTo(fixture.auditIds());
            JsonNode first = body.path("audits").get(0);
            assertThat(first.path("ticket_id").asLong()).isEqualTo(fixture.ticketId());
            assertThat(first.path("created_at").asString()).isEqualTo(at(0));
            assertThat(first.path("via").path("channel").asString()).isEqualTo("api");
            assertThat(first.path("metadata").isObject()).isTrue();
            JsonNode comment = null;
            for (JsonNode e : first.path("events")) {
                if (e.path("type").asString().equals("Comment")) {
                    comment = e;
                }
            }
            assertThat(comment).isNotNull();
            assertThat(comment.path("body").asString()).isEqualTo("It smokes");
            assertThat(comment.path("public").asBoolean()).isTrue();
        }

        @Test
        void shouldWalkATicketsAuditsWithCursorPagingAsTapZendeskDoes() {
            String base = "/api/v2/tickets/" + fixture.ticketId() + "/audits.json?page[size]=2";
            List<Long> seen = new ArrayList<>();
            JsonNode page = get(base);
            while (true) {
                page.path("audits").forEach(a -> seen.add(a.path("id").asLong()));
                if (!page.at("/meta/has_more").asBoolean()) {
                    break;
                }
                page = get(
                        base + "&page[after]=" + page.at("/meta/after_cursor").asString());
            }
            assertThat(seen).isEqualTo(fixture.auditIds());
        }

        @Test
        void shouldShowOneAuditAndCountThem() {
            long auditId = fixture.auditIds().get(1);
            JsonNode one = get("/api/v2/tickets/" + fixture.ticketId() + "/audits/" + auditId);
            assertSchema("TicketAuditResponse", one);
            assertThat(one.at("/audit/id").asLong()).isEqualTo(auditId);
            assertThat(one.at("/audit/created_at").asString()).isEqualTo(at(30));
            JsonNode count = get("/api/v2/tickets/" + fixture.ticketId() + "/audits/count");
            assertSchema("TicketAuditsCountResponse", count);
            assertThat(count.at("/count/value").asInt()).isEqualTo(5);
            assertThat(count.at("/count/refreshed_at").asString()).endsWith("Z");
        }

        @Test
        void shouldAnswer404ForAnAuditOfAnotherTicketAndForAnUnknownTicket() {
            Response other = api.get("/api/v2/tickets/" + fixture.ticketId() + "/audits/999999999", auth);
            assertThat(other.status()).isEqualTo(404);
            assertThat(other.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
            assertThat(api.get("/api/v2/tickets/999999999/audits.json?per_page=1", auth)
                            .status())
                    .isEqualTo(404);
        }

        @Test
        void shouldWalkAllTicketAuditsNewestFirstByBeforeUrlAsAirbyteDoes() {
            String next = "/api/v2/ticket_audits?sort_by=created_at&sort_order=desc&limit=2";
            List<Long> seen = new ArrayList<>();
            int pages = 0;
            while (next != null) {
                JsonNode page = get(next);
                if (pages == 0) {
                    assertSchema("TicketAuditsResponse", page);
                    assertThat(page.path("after_url").asString()).contains("/api/v2/ticket_audits.json?");
                }
                pages++;
                if (page.path("audits").isEmpty()) {
                    break;
                }
                page.path("audits").forEach(a -> seen.add(a.path("id").asLong()));
                next = page.path("before_url").isNull()
                        ? null
                        : relative(page.path("before_url").asString());
            }
            assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen)
                    .as("every audit once: %s", seen)
                    .hasSize(jdbc.sql("SELECT COUNT(*) FROM ticket_audits")
                            .query(Long.class)
                            .single()
                            .intValue());
            assertThat(seen).containsAll(fixture.auditIds());
        }

        @Test
        void shouldLeadFromAPageToNewerAuditsByAfterUrl() {
            JsonNode newest = get("/api/v2/ticket_audits?limit=1");
            JsonNode older = get(relative(newest.path("before_url").asString()));
            JsonNode back = get(relative(older.path("after_url").asString()));
            assertThat(back.path("audits").get(0).path("id").asLong())
                    .isEqualTo(newest.path("audits").get(0).path("id").asLong());
        }

        @Test
        void shouldRefuseAnAscendingOrderRatherThanIgnoreIt() {
            Response response = api.get("/api/v2/ticket_audits?sort_order=asc", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidParameter\","
                            + "\"title\":\"sort_order must be desc for ticket_audits (got \\\"asc\\\")\"}]}");
        }
    }

    private static String relative(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Nested
    class Correctness {

        @Test
        void shouldFilterTicketsByExternalId() {
            JsonNode body = get("/api/v2/tickets?external_id=" + fixture.externalId());
            assertThat(body.path("tickets").size()).isEqualTo(1);
            assertThat(body.path("tickets").get(0).path("id").asLong()).isEqualTo(fixture.ticketId());
            assertThat(body.path("count").asLong()).isEqualTo(1);
            assertThat(get("/api/v2/tickets?external_id=nobody-" + UUID.randomUUID())
                            .path("tickets")
                            .size())
                    .isZero();
        }

        @Test
        void shouldRefuseASafeUpdateWithAStaleStampWith409AndChangeNothing() {
            long id = send(
                            "POST",
                            "/api/v2/tickets",
                            Map.of("ticket", Map.of("subject", "Safe", "comment", Map.of("body", "b"))),
                            201)
                    .at("/ticket/id")
                    .asLong();
            String stale = "2001-01-01T00:00:00Z";
            Response refused = api.send(
                    "PUT",
                    "/api/v2/tickets/" + id,
                    auth,
                    DeskClient.json(Map.of(
                            "ticket", Map.of("subject", "Changed", "safe_update", true, "updated_stamp", stale))));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body())
                    .isEqualTo("{\"error\":\"UpdateConflict\",\"description\":\"Safe Update prevented the update due"
                            + " to outdated ticket data. Please fetch the latest ticket data and try again.\"}");
            JsonNode current = get("/api/v2/tickets/" + id).path("ticket");
            assertThat(current.path("subject").asString()).isEqualTo("Safe");
            JsonNode updated = send(
                    "PUT",
                    "/api/v2/tickets/" + id,
                    Map.of(
                            "ticket",
                            Map.of(
                                    "subject",
                                    "Changed",
                                    "safe_update",
                                    true,
                                    "updated_stamp",
                                    current.path("updated_at").asString())),
                    200);
            assertThat(updated.at("/ticket/subject").asString()).isEqualTo("Changed");
        }

        @Test
        void shouldCountTicketsAndOrganizationsInsteadOfTakingCountForAnId() {
            JsonNode tickets = get("/api/v2/tickets/count.json");
            assertThat(tickets.at("/count/value").asLong())
                    .isEqualTo(get("/api/v2/tickets?per_page=1").path("count").asLong());
            assertThat(tickets.at("/count/refreshed_at").asString()).endsWith("Z");
            JsonNode organizations = get("/api/v2/organizations/count");
            assertSchema("CountOrganizationResponse", organizations);
            assertThat(organizations.at("/count/value").asLong())
                    .isEqualTo(get("/api/v2/organizations?per_page=1")
                            .path("count")
                            .asLong());
        }

        @Test
        void shouldUpdateAndDeleteAGroup() {
            long id = send("POST", "/api/v2/groups", Map.of("group", Map.of("name", "Before")), 201)
                    .at("/group/id")
                    .asLong();
            JsonNode updated = send(
                    "PUT", "/api/v2/groups/" + id, Map.of("group", Map.of("name", "After", "description", "d")), 200);
            assertSchema("GroupResponse", updated);
            assertThat(updated.at("/group/name").asString()).isEqualTo("After");
            assertThat(updated.at("/group/description").asString()).isEqualTo("d");
            assertThat(get("/api/v2/groups/" + id).at("/group/name").asString()).isEqualTo("After");
            Response deleted = api.send("DELETE", "/api/v2/groups/" + id, auth, null);
            assertThat(deleted.status()).isEqualTo(204);
            Response gone = api.get("/api/v2/groups/" + id, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }

        @Test
        void shouldAnswerAnUnsupportedMethodOnAKnownPathWith405InZendesksShape() {
            Response response = api.send("POST", "/api/v2/tickets/" + fixture.ticketId(), auth, "{}");
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.body())
                    .isEqualTo(
                            "{\"errors\":[{\"code\":\"MethodNotAllowed\",\"title\":\"Method POST is not allowed here.\"}]}");
        }

        @Test
        void shouldTreatARepeatedIdenticalParameterAsOne() {
            // Spring alone would bind these as "1,1" (a 400) and "x,x" (no match).
            String ext = fixture.externalId();
            JsonNode body =
                    get("/api/v2/tickets.json?per_page=1&external_id=" + ext + "&per_page=1&external_id=" + ext);
            assertThat(body.path("tickets").size()).isEqualTo(1);
            assertThat(body.path("count").asLong()).isEqualTo(1);
            JsonNode search = get("/api/v2/search.json?query=" + ext + "&query=" + ext);
            assertThat(search.path("results").size()).isEqualTo(1);
        }

        @Test
        void shouldAnswerAnAgentsReadOfAnAdminResourceWithTheRestrictedBodyTapZendeskRecognises() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            Response response = api.get("/api/v2/incremental/organizations.json?start_time=0", agentAuth);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body())
                    .isEqualTo("{\"error\":{\"title\":\"Forbidden\",\"message\":\"Access to this resource is"
                            + " restricted. Please contact the account administrator for assistance.\"}}");
        }
    }
}
