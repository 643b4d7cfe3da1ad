package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apiaccess.ApiAccessUpdate;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What Airbyte's and dlt's remaining Support streams read — audit logs with cursor pagination and
 * filters, the search export, routing attributes, skips, activities, side conversations — with each
 * answer checked against Zendesk's OAS schema where the document has one.
 */
class AirbyteStreamsApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;
    private String word;
    private UserAccount agent;
    private String agentAuth;
    private final List<Long> tickets = new ArrayList<>();

    @BeforeAll
    void someTickets() {
        policy.update(Actor.system(), new ApiAccessUpdate(true, false, 365, false, 30, 60));
        DeskClient api = DeskClient.stateless(baseUrl());
        auth = ownerAuth();
        word = "streams" + UUID.randomUUID().toString().replace("-", "");
        agent = newUser(Role.AGENT);
        agentAuth = DeskClient.tokenAuth(agent.email(), issueToken(agent, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
        for (int i = 0; i < 3; i++) {
            Response created = api.send("POST", "/api/v2/tickets", auth, """
                    {"ticket":{"subject":"%s %d","comment":{"body":"%s"},"assignee_id":%d,"priority":"low"}}""".formatted(word, i, word, agent.id()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            tickets.add(created.json().at("/ticket/id").asLong());
        }
    }

    @BeforeEach
    void ownerToken() {
        auth = ownerAuth();
    }

    private void conforms(String schema, Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as(response.body())
                .isEmpty();
    }

    private Response next(Response page) {
        return api.get(
                page.json().at("/links/next").asString().substring(baseUrl().length()), auth);
    }

    @Nested
    class AuditLogs {

        @Test
        void shouldWalkCursorPagesWithinACreatedAtWindowOldestFirst() {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
            String window = "filter[created_at][]=" + now.minus(Duration.ofDays(3650)) + "&filter[created_at][]="
                    + now.plus(Duration.ofDays(1));
            Response first = api.get("/api/v2/audit_logs?" + window + "&sort=created_at&page[size]=2", auth);
            conforms("AuditLogsResponse", first);
            assertThat(first.json().path("audit_logs").size()).isEqualTo(2);
            assertThat(first.json().at("/meta/has_more").asBoolean()).isTrue();
            assertThat(first.json().at("/meta/after_cursor").isString()).isTrue();
            assertThat(first.json().has("next_page"))
                    .as("no offset keys in cursor style")
                    .isFalse();
            List<Long> ids = new ArrayList<>(first.json().path("audit_logs").findValues("id").stream()
                    .map(JsonNode::asLong)
                    .toList());
            Response second = next(first);
            assertThat(second.status()).isEqualTo(200);
            second.json().path("audit_logs").findValues("id").forEach(id -> ids.add(id.asLong()));
            assertThat(ids).doesNotHaveDuplicates().isSorted();
        }

        @Test
        void shouldKeepOffsetPaginationNewestFirstWithoutPageSize() {
            Response page = api.get("/api/v2/audit_logs?per_page=3", auth);
            conforms("AuditLogsResponse", page);
            assertThat(page.json().has("next_page")).isTrue();
            assertThat(page.json().path("count").asLong()).isGreaterThanOrEqualTo(3);
            List<String> created = page.json().path("audit_logs").findValuesAsString("created_at");
            assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }

        @Test
        void shouldFilterByActionAndAnEmptyWindow() {
            Response creates = api.get("/api/v2/audit_logs?filter[action][]=create&filter[action][]=login", auth);
            assertThat(creates.status()).isEqualTo(200);
            assertThat(creates.json().path("audit_logs").findValuesAsString("action"))
                    .isNotEmpty()
                    .allMatch(a -> a.equals("create") || a.equals("login"));
            Response none = api.get(
                    "/api/v2/audit_logs?filter[created_at][]=2001-01-01T00:00:00Z"
                            + "&filter[created_at][]=2001-01-02T00:00:00Z&page[size]=10",
                    auth);
            assertThat(none.json().path("audit_logs").size()).isZero();
            assertThat(none.json().at("/meta/has_more").asBoolean()).isFalse();
        }

        @Test
        void shouldRefuseOneCreatedAtBoundABadDateAndAnUnknownAction() {
            Response one = api.get("/api/v2/audit_logs?filter[created_at][]=2026-01-01T00:00:00Z", auth);
            assertThat(one.status()).isEqualTo(400);
            assertThat(one.json().at("/errors/0/title").asString())
                    .isEqualTo("filter[created_at] takes two values, the start and the end time (got 1:"
                            + " [2026-01-01T00:00:00Z])");
            Response bad = api.get(
                    "/api/v2/audit_logs?filter[created_at][]=yesterday&filter[created_at][]=2026-01-01T00:00:00Z",
                    auth);
            assertThat(bad.status()).isEqualTo(400);
            Response action = api.get("/api/v2/audit_logs?filter[action]=explode", auth);
            assertThat(action.status()).isEqualTo(400);
            assertThat(action.json().at("/errors/0/title").asString()).contains("explode");
            assertThat(api.get("/api/v2/audit_logs?sort=name&page[size]=5", auth)
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void shouldRefuseAgents() {
            assertThat(api.get("/api/v2/audit_logs?page[size]=5", agentAuth).status())
                    .isEqualTo(403);
        }
    }

    @Nested
    class SearchExport {

        @Test
        void shouldPageTicketsNewestFirstForwardsOnly() {
            String query = "/api/v2/search/export?query=" + word + "&filter[type]=ticket&page[size]=2";
            Response first = api.get(query, auth);
            conforms("SearchExportResponse", first);
            assertThat(first.json().path("results").findValuesAsString("result_type"))
                    .containsOnly("ticket");
            assertThat(first.json().at("/meta/has_more").asBoolean()).isTrue();
            assertThat(first.json().path("facets").isNull()).isTrue();
            assertThat(first.json().has("count")).isFalse();
            Response second = next(first);
            conforms("SearchExportResponse", second);
            assertThat(second.json().at("/links/prev").isNull()).isTrue();
            assertThat(second.json().at("/meta/has_more").asBoolean()).isFalse();
            List<Long> ids = new ArrayList<>();
            first.json().path("results").findValues("id").forEach(v -> ids.add(v.asLong()));
            second.json().path("results").findValues("id").forEach(v -> ids.add(v.asLong()));
            assertThat(ids).containsExactlyInAnyOrderElementsOf(tickets);
        }

        @Test
        void shouldReadAirbytesUpdatedAtWindow() {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
            Response window = api.get(
                    "/api/v2/search/export?query=" + word + "%20updated_at%3E%3D" + now.minus(Duration.ofDays(30))
                            + "%20updated_at%3C%3D" + now.plus(Duration.ofMinutes(1))
                            + "&filter%5Btype%5D=ticket&page%5Bsize%5D=100",
                    auth);
            assertThat(window.status()).as(window.body()).isEqualTo(200);
            assertThat(window.json().path("results").size()).isEqualTo(3);
            Response past = api.get(
                    "/api/v2/search/export?query=" + word + "%20updated_at%3C%3D2001-01-01T00:00:00Z"
                            + "&filter[type]=ticket",
                    auth);
            assertThat(past.json().path("results").size()).isZero();
        }

        @Test
        void shouldRefuseAMissingTypeATypeInTheQueryAndGroups() {
            Response missing = api.get("/api/v2/search/export?query=" + word, auth);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().at("/errors/0/title").asString())
                    .isEqualTo("filter[type] is required: ticket, user or organization");
            assertThat(api.get("/api/v2/search/export?query=type:ticket&filter[type]=ticket", auth)
                            .status())
                    .isEqualTo(400);
            assertThat(api.get("/api/v2/search/export?query=x&filter[type]=group", auth)
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void shouldExportUsers() {
            Response users = api.get("/api/v2/search/export?query=" + agent.email() + "&filter[type]=user", auth);
            conforms("SearchExportResponse", users);
            assertThat(users.json().path("results").findValuesAsString("result_type"))
                    .containsExactly("user");
        }
    }

    @Nested
    class RoutingAttributes {

        @Test
        void shouldCreateListUpdateAndDeleteAttributesAndValues() {
            Response created = api.send("POST", "/api/v2/routing/attributes", auth, """
                    {"attribute":{"name":"Language %s"}}""".formatted(word));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            conforms("SkillBasedRoutingAttributeResponse", created);
            String id = created.json().at("/attribute/id").asString();
            assertThat(id).matches("[0-9a-f-]{36}");

            Response value = api.send("POST", "/api/v2/routing/attributes/" + id + "/values", auth, """
                    {"attribute_value":{"name":"Japanese","conditions":{"all":[{"subject":"priority","operator":"is","value":"high"}],"any":[]}}}""");
            assertThat(value.status()).as(value.body()).isEqualTo(201);
            conforms("SkillBasedRoutingAttributeValueResponse", value);
            String valueId = value.json().at("/attribute_value/id").asString();
            assertThat(value.json()
                            .at("/attribute_value/conditions/all/0/subject")
                            .asString())
                    .isEqualTo("priority");

            Response list = api.get("/api/v2/routing/attributes?include=attribute_values", auth);
            conforms("SkillBasedRoutingAttributesResponse", list);
            assertThat(list.json().path("attributes").findValuesAsString("id")).contains(id);
            assertThat(list.json().path("attribute_values").findValuesAsString("id"))
                    .contains(valueId);
            assertThat(list.json().has("next_page")).isTrue();

            Response renamed = api.send("PATCH", "/api/v2/routing/attributes/" + id + "/values/" + valueId, auth, """
                    {"attribute_value":{"name":"Japanese (native)"}}""");
            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.json().at("/attribute_value/name").asString()).isEqualTo("Japanese (native)");
            assertThat(renamed.json()
                            .at("/attribute_value/conditions/all/0/value")
                            .asString())
                    .isEqualTo("high");
            Response values = api.get("/api/v2/routing/attributes/" + id + "/values", auth);
            conforms("SkillBasedRoutingAttributeValuesWithoutPriorityResponse", values);

            Response attribute = api.send("PUT", "/api/v2/routing/attributes/" + id, auth, """
                    {"attribute":{"name":"Spoken language %s"}}""".formatted(word));
            assertThat(attribute.json().at("/attribute/name").asString()).startsWith("Spoken language");

            assertThat(api.send("DELETE", "/api/v2/routing/attributes/" + id, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/routing/attributes/" + id + "/values/" + valueId, auth)
                            .status())
                    .isEqualTo(404);
        }

        @Test
        void shouldListDefinitionsInZendesksShape() {
            Response definitions = api.get("/api/v2/routing/attributes/definitions?per_page=100", auth);
            conforms("SkillBasedRoutingAttributeDefinitions", definitions);
            assertThat(definitions.json().at("/definitions/conditions_all").findValuesAsString("subject"))
                    .contains("number_of_incidents", "priority");
            assertThat(definitions.json().at("/definitions/conditions_any").findValuesAsString("subject"))
                    .contains("brand_id")
                    .doesNotContain("number_of_incidents");
        }

        @Test
        void shouldRefuseABlankNameADuplicateAndAgentsWriting() {
            Response blank = api.send("POST", "/api/v2/routing/attributes", auth, "{\"attribute\":{\"name\":\" \"}}");
            assertThat(blank.status()).isEqualTo(422);
            String name = "Unique " + word;
            api.send("POST", "/api/v2/routing/attributes", auth, "{\"attribute\":{\"name\":\"" + name + "\"}}");
            Response duplicate =
                    api.send("POST", "/api/v2/routing/attributes", auth, "{\"attribute\":{\"name\":\"" + name + "\"}}");
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.json().at("/details/name/0/description").asString())
                    .contains("there is already an attribute named " + name);
            assertThat(api.send("POST", "/api/v2/routing/attributes", agentAuth, "{\"attribute\":{\"name\":\"x\"}}")
                            .status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v2/routing/attributes", agentAuth).status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v2/routing/attributes/no-such-id", auth).status())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Skips {

        @Test
        void shouldRecordASkipAndListItForTheTicketTheAgentAndAdmins() {
            Response created = api.send("POST", "/api/v2/skips", agentAuth, """
                    {"skip":{"ticket_id":%d,"reason":"Not my area"}}""".formatted(tickets.get(0)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            conforms("TicketSkipCreation", created);
            assertThat(created.json().at("/skip/user_id").asLong()).isEqualTo(agent.id());
            assertThat(created.json().at("/skip/ticket/id").asLong()).isEqualTo(tickets.get(0));
            long skipId = created.json().at("/skip/id").asLong();

            Response ofTicket = api.get("/api/v2/tickets/" + tickets.get(0) + "/skips", auth);
            conforms("TicketSkipsResponse", ofTicket);
            assertThat(ofTicket.json().path("skips").size()).isEqualTo(1);
            assertThat(ofTicket.json().at("/skips/0/id").asLong()).isEqualTo(skipId);

            Response all = api.get("/api/v2/skips?sort_order=desc&page[size]=100", auth);
            conforms("TicketSkipsResponse", all);
            assertThat(all.json().at("/skips/0/id").asLong()).isEqualTo(skipId);
            assertThat(all.json().at("/meta/has_more").isBoolean()).isTrue();

            Response own = api.get("/api/v2/users/" + agent.id() + "/skips", agentAuth);
            assertThat(own.json().path("skips").findValuesAsString("user_id")).containsOnly(Long.toString(agent.id()));
            assertThat(api.get("/api/v2/users/" + owner().id() + "/skips", agentAuth)
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void shouldRefuseASkipWithoutReasonOrOfAMissingTicket() {
            Response noReason = api.send("POST", "/api/v2/skips", agentAuth, """
                    {"skip":{"ticket_id":%d}}""".formatted(tickets.get(1)));
            assertThat(noReason.status()).isEqualTo(422);
            assertThat(noReason.json().at("/details/reason/0/error").asString()).isEqualTo("BlankValue");
            Response missing = api.send("POST", "/api/v2/skips", agentAuth, """
                    {"skip":{"ticket_id":999999999,"reason":"x"}}""");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(api.get("/api/v2/skips?sort_order=sideways", auth).status())
                    .isEqualTo(400);
        }
    }

    @Nested
    class Activities {

        @Test
        void shouldShowTheAssignedAgentTheirAssignmentsCommentsAndPriorityIncreases() {
            Response updated = api.send("PUT", "/api/v2/tickets/" + tickets.get(2), auth, """
                    {"ticket":{"priority":"urgent","comment":{"body":"Please hurry","public":false}}}""");
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);

            Response list = api.get(
                    "/api/v2/activities?sort=created_at&sort_by=created_at&sort_order=asc&page[size]=100", agentAuth);
            conforms("ActivitiesResponse", list);
            List<JsonNode> mine = new ArrayList<>();
            list.json().path("activities").forEach(a -> {
                if (a.at("/target/ticket/id").asLong() == tickets.get(2)) {
                    mine.add(a);
                }
            });
            assertThat(mine)
                    .extracting(a -> a.path("verb").asString())
                    .containsExactlyInAnyOrder("tickets.assignment", "tickets.comment", "tickets.priority_increase");
            JsonNode comment = mine.stream()
                    .filter(a -> a.path("verb").asString().equals("tickets.comment"))
                    .findFirst()
                    .orElseThrow();
            assertThat(comment.at("/object/comment/value").asString()).isEqualTo("Please hurry");
            assertThat(comment.at("/object/comment/public").asBoolean()).isFalse();
            assertThat(comment.path("user_id").asLong()).isEqualTo(agent.id());
            assertThat(comment.path("actor_id").asLong()).isEqualTo(owner().id());
            assertThat(comment.path("title").asString()).endsWith("commented on ticket #" + tickets.get(2) + ".");
            assertThat(list.json().path("actors").findValues("id").stream()
                            .map(JsonNode::asLong)
                            .toList())
                    .contains(owner().id());

            Response shown = api.get("/api/v2/activities/" + comment.path("id").asLong(), agentAuth);
            conforms("ActivityResponse", shown);
            assertThat(api.get("/api/v2/activities/count", agentAuth)
                            .json()
                            .at("/count/value")
                            .asLong())
                    .isGreaterThanOrEqualTo(5);
        }

        @Test
        void shouldNotShowTheOwnerTheAgentsActivities() {
            Response owners = api.get("/api/v2/activities", auth);
            assertThat(owners.status()).isEqualTo(200);
            assertThat(owners.json().path("activities").findValuesAsString("user_id"))
                    .doesNotContain(Long.toString(agent.id()));
            long agentsActivity = api.get("/api/v2/activities?page[size]=1", agentAuth)
                    .json()
                    .at("/activities/0/id")
                    .asLong();
            assertThat(api.get("/api/v2/activities/" + agentsActivity, newAgentAuth())
                            .status())
                    .isEqualTo(404);
        }

        @Test
        void shouldNarrowBySinceAndRefuseABadOne() {
            Response future = api.get("/api/v2/activities?since=2999-01-01T00:00:00Z", agentAuth);
            assertThat(future.json().path("activities").size()).isZero();
            assertThat(future.json().path("count").asLong()).isZero();
            Response bad = api.get("/api/v2/activities?since=last-week", agentAuth);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().at("/errors/0/title").asString()).contains("last-week");
        }

        private String newAgentAuth() {
            UserAccount other = newUser(Role.AGENT);
            return DeskClient.tokenAuth(other.email(), issueToken(other, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
        }
    }

    @Nested
    class SideConversations {

        @Test
        void shouldAnswerAnEmptyListInBothPaginationStyles() {
            Response offset = api.get("/api/v2/tickets/" + tickets.get(0) + "/side_conversations?per_page=100", auth);
            assertThat(offset.status()).isEqualTo(200);
            assertThat(offset.body())
                    .isEqualTo("{\"next_page\":null,\"previous_page\":null,\"count\":0,\"side_conversations\":[]}");
            Response cursor = api.get("/api/v2/tickets/" + tickets.get(0) + "/side_conversations?page[size]=10", auth);
            assertThat(cursor.json().at("/meta/has_more").asBoolean()).isFalse();
            assertThat(cursor.json().path("side_conversations").size()).isZero();
            assertThat(api.get("/api/v2/tickets/999999999/side_conversations", auth)
                            .status())
                    .isEqualTo(404);
        }
    }
}
