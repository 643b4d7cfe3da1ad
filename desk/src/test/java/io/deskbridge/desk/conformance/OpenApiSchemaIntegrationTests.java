package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON of real desk responses against Zendesk's official OpenAPI schemas
 * (the test resource {@code zendesk-oas/support-oas-subset.yaml}). Each test calls one endpoint and checks the
 * body against the response schema the document names for that path, method and status. Users are
 * checked against {@code UserForAdmin} directly, not through the {@code UserObject} anyOf (see
 * zendesk-oas-README.md). The schemas require almost nothing, so every test also asserts that the
 * part it is about (the envelope's object or a non-empty list) is there: an empty body must not pass.
 */
@DisplayName("desk's JSON against Zendesk's OpenAPI schemas")
class OpenApiSchemaIntegrationTests extends DeskIntegrationTest {

    private static final String USER_SCHEMA = "UserForAdmin";

    private final OpenApiSchemas schemas = OpenApiSchemas.load();

    private String auth;
    private Fixture fixture;

    /** Records made once per test class through the API (desk is shared with other test classes). */
    private record Fixture(
            String word,
            long organizationId,
            long groupId,
            long agentId,
            long endUserId,
            long ticketId,
            long deletedTicketId) {}

    private record Exchange(String method, String path, Response response) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + response.status();
        }
    }

    @BeforeEach
    void adminTokenAndData() {
        auth = ownerAuth();
        if (fixture == null) {
            fixture = createFixture();
        }
    }

    private Fixture createFixture() {
        // One index term (letters and digits) shared by a ticket, a user and an organization.
        String word = "schema" + UUID.randomUUID().toString().replace("-", "");
        long organizationId = created(
                        "POST",
                        "/api/v2/organizations",
                        Map.of(
                                "organization",
                                Map.of(
                                        "name", "Org " + word,
                                        "domain_names", List.of(word + ".example"),
                                        "details", "Details " + word,
                                        "notes", "Notes " + word,
                                        "external_id", "org-" + word,
                                        "tags", List.of("schema"))),
                        "/organization/id")
                .asLong();
        long groupId = created("POST", "/api/v2/groups", Map.of("group", Map.of("name", "Group " + word)), "/group/id")
                .asLong();
        long agentId = created(
                        "POST",
                        "/api/v2/users",
                        Map.of("user", fullUser("Agent " + word, "agent", organizationId)),
                        "/user/id")
                .asLong();
        // A user as integrations often create them: a name and nothing else.
        long endUserId = created("POST", "/api/v2/users", Map.of("user", Map.of("name", "Bare " + word)), "/user/id")
                .asLong();
        long ticketId = created(
                        "POST",
                        "/api/v2/tickets",
                        Map.of("ticket", fullTicket("Ticket " + word, organizationId, groupId, agentId)),
                        "/ticket/id")
                .asLong();
        Response update = api.send(
                "PUT",
                "/api/v2/tickets/" + ticketId,
                auth,
                DeskClient.json(Map.of(
                        "ticket", Map.of("status", "open", "comment", Map.of("body", "A reply", "public", false)))));
        assertThat(update.status())
                .as("fixture: update ticket; %s", update.body())
                .isEqualTo(200);
        long deletedTicketId = created(
                        "POST",
                        "/api/v2/tickets",
                        Map.of("ticket", Map.of("subject", "Doomed " + word, "comment", Map.of("body", "Delete me"))),
                        "/ticket/id")
                .asLong();
        Response delete = api.send("DELETE", "/api/v2/tickets/" + deletedTicketId, auth, null);
        assertThat(delete.status())
                .as("fixture: delete ticket; %s", delete.body())
                .isEqualTo(204);
        return new Fixture(word, organizationId, groupId, agentId, endUserId, ticketId, deletedTicketId);
    }

    private JsonNode created(String method, String path, Map<String, Object> body, String idPointer) {
        Response response = api.send(method, path, auth, DeskClient.json(body));
        assertThat(response.status())
                .as("fixture: %s %s; %s", method, path, response.body())
                .isEqualTo(201);
        return OpenApiSchemas.parse(response.body()).at(idPointer);
    }

    private static Map<String, Object> fullUser(String name, String role, long organizationId) {
        String email = role + "-" + UUID.randomUUID() + "@deskbridge.test";
        return Map.of(
                "name",
                name,
                "email",
                email,
                "role",
                role,
                "organization_id",
                organizationId,
                "external_id",
                "ext-" + UUID.randomUUID(),
                "phone",
                "+15555550100",
                "tags",
                List.of("schema", "vip"),
                "time_zone",
                "Europe/Berlin",
                "locale",
                "de",
                "user_fields",
                Map.of("plan", "gold"));
    }

    private static Map<String, Object> fullTicket(String subject, long organizationId, long groupId, long assigneeId) {
        return Map.of(
                "subject",
                subject,
                "comment",
                Map.of("body", "Body of " + subject),
                "priority",
                "high",
                "type",
                "incident",
                "requester",
                Map.of("name", "Requester of " + subject, "email", "req-" + UUID.randomUUID() + "@example.com"),
                "organization_id",
                organizationId,
                "group_id",
                groupId,
                "assignee_id",
                assigneeId,
                "tags",
                List.of("schema", "conformance"),
                "custom_fields",
                List.of(Map.of("id", 360000000001L, "value", "blue")));
    }

    private Exchange get(String path) {
        return new Exchange("GET", path, api.get(path, auth));
    }

    private Exchange send(String method, String path, Map<String, Object> body) {
        return new Exchange(method, path, api.send(method, path, auth, DeskClient.json(body)));
    }

    /**
     * The body validates against the schema Zendesk's document names for {@code oasPath}, the method
     * and {@code status}; each pointer in {@code present} holds a non-null value (a non-empty list).
     */
    private JsonNode assertConforms(Exchange exchange, String oasPath, int status, String... present) {
        JsonNode body = assertAnswered(exchange, status, present);
        String schema = schemas.responseSchema(oasPath, exchange.method(), status);
        assertNoViolations(exchange, schema, schemas.violations(schema, body), body);
        return body;
    }

    /**
     * For user endpoints: the document names a user envelope for the path; each user at
     * {@code usersAt} (one object or a list) validates against {@code UserForAdmin}.
     */
    private JsonNode assertUsersConform(Exchange exchange, String oasPath, int status, String usersAt) {
        JsonNode body = assertAnswered(exchange, status, usersAt);
        String envelope = schemas.responseSchema(oasPath, exchange.method(), status);
        assertThat(envelope).isIn("UserResponse", "UsersResponse", "CurrentUserResponse");
        JsonNode users = body.at(usersAt);
        List<String> violations = new ArrayList<>();
        if (users.isArray()) {
            for (int i = 0; i < users.size(); i++) {
                violations.addAll(schemas.violations(USER_SCHEMA, users.get(i), usersAt + "/" + i));
            }
        } else {
            violations.addAll(schemas.violations(USER_SCHEMA, users, usersAt));
        }
        assertNoViolations(exchange, envelope + " (each user against " + USER_SCHEMA + ")", violations, body);
        return body;
    }

    private static JsonNode assertAnswered(Exchange exchange, int status, String... present) {
        Response response = exchange.response();
        assertThat(response.status())
                .as("%s; body: %s", exchange, response.body())
                .isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as("%s Content-Type", exchange)
                .startsWith("application/json");
        JsonNode body = OpenApiSchemas.parse(response.body());
        for (String pointer : present) {
            JsonNode node = body.at(pointer);
            assertThat(!node.isMissingNode() && !node.isNull() && !(node.isContainerNode() && node.isEmpty()))
                    .as("%s: expected a non-empty value at %s in %s", exchange, pointer, response.body())
                    .isTrue();
        }
        return body;
    }

    private void assertNoViolations(Exchange exchange, String schema, List<String> violations, JsonNode body) {
        assertThat(violations)
                .withFailMessage(() -> String.format(
                        Locale.ROOT,
                        "%s breaks %d rule(s) of %s in %s:%n  %s%nbody: %s",
                        exchange,
                        violations.size(),
                        schema,
                        schemas.source(),
                        String.join(System.lineSeparator() + "  ", violations),
                        body.toPrettyString()))
                .isEmpty();
    }

    @Nested
    @DisplayName("users")
    class Users {

        @Test
        @DisplayName("GET /api/v2/users/me")
        void getUsersMe() {
            assertUsersConform(get("/api/v2/users/me"), "/api/v2/users/me", 200, "/user");
        }

        @Test
        @DisplayName("GET /api/v2/users")
        void getUsers() {
            assertUsersConform(get("/api/v2/users"), "/api/v2/users", 200, "/users");
        }

        @Test
        @DisplayName("GET /api/v2/users/{id}")
        void getUser() {
            assertUsersConform(get("/api/v2/users/" + fixture.agentId()), "/api/v2/users/{user_id}", 200, "/user");
        }

        @Test
        @DisplayName("GET /api/v2/users/{id} (a user created with a name only)")
        void getUserCreatedWithANameOnly() {
            assertUsersConform(get("/api/v2/users/" + fixture.endUserId()), "/api/v2/users/{user_id}", 200, "/user");
        }

        @Test
        @DisplayName("GET /api/v2/users/show_many?ids=")
        void getUsersShowMany() {
            assertUsersConform(
                    get("/api/v2/users/show_many?ids=" + fixture.agentId() + "," + fixture.endUserId()),
                    "/api/v2/users/show_many",
                    200,
                    "/users");
        }

        @Test
        @DisplayName("GET /api/v2/users/search?query=")
        void getUsersSearch() {
            assertUsersConform(
                    get("/api/v2/users/search?query=" + fixture.word()), "/api/v2/users/search", 200, "/users");
        }

        @Test
        @DisplayName("POST /api/v2/users")
        void postUsers() {
            assertUsersConform(
                    send(
                            "POST",
                            "/api/v2/users",
                            Map.of(
                                    "user",
                                    fullUser("Created " + fixture.word(), "end-user", fixture.organizationId()))),
                    "/api/v2/users",
                    201,
                    "/user");
        }

        @Test
        @DisplayName("PUT /api/v2/users/{id}")
        void putUser() {
            assertUsersConform(
                    send(
                            "PUT",
                            "/api/v2/users/" + fixture.agentId(),
                            Map.of("user", Map.of("notes", "Updated", "phone", "+15555550199"))),
                    "/api/v2/users/{user_id}",
                    200,
                    "/user");
        }

        @Test
        @DisplayName("POST /api/v2/users/create_or_update (a new user: 201)")
        void postUsersCreateOrUpdateCreating() {
            assertUsersConform(
                    send(
                            "POST",
                            "/api/v2/users/create_or_update",
                            Map.of(
                                    "user",
                                    fullUser("Upserted " + fixture.word(), "end-user", fixture.organizationId()))),
                    "/api/v2/users/create_or_update",
                    201,
                    "/user");
        }

        @Test
        @DisplayName("POST /api/v2/users/create_or_update (an existing user: 200)")
        void postUsersCreateOrUpdateUpdating() {
            Map<String, Object> user = fullUser("Upserted " + fixture.word(), "end-user", fixture.organizationId());
            Response created = api.send("POST", "/api/v2/users", auth, DeskClient.json(Map.of("user", user)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertUsersConform(
                    send(
                            "POST",
                            "/api/v2/users/create_or_update",
                            Map.of("user", Map.of("email", user.get("email"), "name", "Upserted again"))),
                    "/api/v2/users/create_or_update",
                    200,
                    "/user");
        }
    }

    @Nested
    @DisplayName("organizations")
    class Organizations {

        @Test
        @DisplayName("GET /api/v2/organizations")
        void getOrganizations() {
            assertConforms(get("/api/v2/organizations"), "/api/v2/organizations", 200, "/organizations");
        }

        @Test
        @DisplayName("GET /api/v2/organizations/{id}")
        void getOrganization() {
            assertConforms(
                    get("/api/v2/organizations/" + fixture.organizationId()),
                    "/api/v2/organizations/{organization_id}",
                    200,
                    "/organization");
        }

        @Test
        @DisplayName("POST /api/v2/organizations")
        void postOrganizations() {
            assertConforms(
                    send(
                            "POST",
                            "/api/v2/organizations",
                            Map.of("organization", Map.of("name", "New org " + UUID.randomUUID()))),
                    "/api/v2/organizations",
                    201,
                    "/organization");
        }

        @Test
        @DisplayName("PUT /api/v2/organizations/{id}")
        void putOrganization() {
            assertConforms(
                    send(
                            "PUT",
                            "/api/v2/organizations/" + fixture.organizationId(),
                            Map.of("organization", Map.of("notes", "Updated notes", "shared_tickets", true))),
                    "/api/v2/organizations/{organization_id}",
                    200,
                    "/organization");
        }
    }

    @Nested
    @DisplayName("groups")
    class Groups {

        @Test
        @DisplayName("GET /api/v2/groups")
        void getGroups() {
            assertConforms(get("/api/v2/groups"), "/api/v2/groups", 200, "/groups");
        }

        @Test
        @DisplayName("GET /api/v2/groups/{id}")
        void getGroup() {
            assertConforms(get("/api/v2/groups/" + fixture.groupId()), "/api/v2/groups/{group_id}", 200, "/group");
        }

        @Test
        @DisplayName("POST /api/v2/groups")
        void postGroups() {
            assertConforms(
                    send("POST", "/api/v2/groups", Map.of("group", Map.of("name", "New group " + UUID.randomUUID()))),
                    "/api/v2/groups",
                    201,
                    "/group");
        }
    }

    @Nested
    @DisplayName("tickets")
    class Tickets {

        @Test
        @DisplayName("GET /api/v2/tickets (offset pagination)")
        void getTicketsWithOffsetPagination() {
            assertConforms(get("/api/v2/tickets?page=1&per_page=2"), "/api/v2/tickets", 200, "/tickets");
        }

        @Test
        @DisplayName("GET /api/v2/tickets?page[size]=2 (cursor pagination)")
        void getTicketsWithCursorPagination() {
            assertConforms(get("/api/v2/tickets?page[size]=2"), "/api/v2/tickets", 200, "/tickets", "/meta");
        }

        @Test
        @DisplayName("GET /api/v2/tickets/{id}")
        void getTicket() {
            assertConforms(get("/api/v2/tickets/" + fixture.ticketId()), "/api/v2/tickets/{ticket_id}", 200, "/ticket");
        }

        @Test
        @DisplayName("GET /api/v2/tickets/show_many?ids=")
        void getTicketsShowMany() {
            assertConforms(
                    get("/api/v2/tickets/show_many?ids=" + fixture.ticketId()),
                    "/api/v2/tickets/show_many",
                    200,
                    "/tickets");
        }

        @Test
        @DisplayName("POST /api/v2/tickets")
        void postTickets() {
            assertConforms(
                    send(
                            "POST",
                            "/api/v2/tickets",
                            Map.of(
                                    "ticket",
                                    fullTicket(
                                            "Created " + fixture.word(),
                                            fixture.organizationId(),
                                            fixture.groupId(),
                                            fixture.agentId()))),
                    "/api/v2/tickets",
                    201,
                    "/ticket");
        }

        @Test
        @DisplayName("PUT /api/v2/tickets/{id} (with a comment)")
        void putTicketWithAComment() {
            Exchange exchange = send(
                    "PUT",
                    "/api/v2/tickets/" + fixture.ticketId(),
                    Map.of(
                            "ticket",
                            Map.of(
                                    "status",
                                    "pending",
                                    "priority",
                                    "urgent",
                                    "additional_tags",
                                    List.of("escalated"),
                                    "comment",
                                    Map.of("body", "Looking into it", "public", true))));
            JsonNode body = assertAnswered(exchange, 200, "/ticket", "/audit", "/audit/events");
            String schema = schemas.responseSchema("/api/v2/tickets/{ticket_id}", "PUT", 200);
            // The one known gap in Zendesk's document: AuditObject types an event's value as string or
            // integer, but Zendesk sends the list of tags for a "tags" Change event, and so does desk
            // (connectors parse it as a list). Only that exact deviation is tolerated.
            java.util.regex.Pattern tagsValue = java.util.regex.Pattern.compile("^/audit/events/(\\d+)/value: .*");
            List<String> violations = schemas.violations(schema, body).stream()
                    .filter(v -> {
                        java.util.regex.Matcher m = tagsValue.matcher(v);
                        return !(m.matches()
                                && body.at("/audit/events/" + m.group(1) + "/field_name")
                                        .asText()
                                        .equals("tags")
                                && body.at("/audit/events/" + m.group(1) + "/value")
                                        .isArray());
                    })
                    .toList();
            assertNoViolations(exchange, schema, violations, body);
            assertThat(body.at("/audit/events").findValuesAsText("field_name")).contains("tags");
        }

        @Test
        @DisplayName("GET /api/v2/tickets/{id}/comments")
        void getTicketComments() {
            assertConforms(
                    get("/api/v2/tickets/" + fixture.ticketId() + "/comments"),
                    "/api/v2/tickets/{ticket_id}/comments",
                    200,
                    "/comments");
        }

        @Test
        @DisplayName("GET /api/v2/deleted_tickets")
        void getDeletedTickets() {
            JsonNode body =
                    assertConforms(get("/api/v2/deleted_tickets"), "/api/v2/deleted_tickets", 200, "/deleted_tickets");
            List<Long> ids = new ArrayList<>();
            body.path("deleted_tickets").forEach(t -> ids.add(t.path("id").asLong()));
            assertThat(ids).as("deleted ticket ids").contains(fixture.deletedTicketId());
        }
    }

    @Nested
    @DisplayName("search")
    class Search {

        @Test
        @DisplayName("GET /api/v2/search?query= (a ticket, a user and an organization)")
        void getSearch() {
            JsonNode body =
                    assertConforms(get("/api/v2/search?query=" + fixture.word()), "/api/v2/search", 200, "/results");
            assertThat(body.path("results").findValuesAsText("result_type"))
                    .as("result types")
                    .contains("ticket", "user", "organization");
        }

        @Test
        @DisplayName("GET /api/v2/search/count?query=")
        void getSearchCount() {
            assertConforms(get("/api/v2/search/count?query=" + fixture.word()), "/api/v2/search/count", 200, "/count");
        }
    }

    @Nested
    @DisplayName("account")
    class Account {

        @Test
        @DisplayName("GET /api/v2/account/settings")
        void getAccountSettings() {
            assertConforms(get("/api/v2/account/settings"), "/api/v2/account/settings", 200, "/settings/api");
        }

        @Test
        @DisplayName("GET /api/v2/audit_logs")
        void getAuditLogs() {
            assertConforms(get("/api/v2/audit_logs"), "/api/v2/audit_logs", 200, "/audit_logs");
        }
    }

    /**
     * The document declares an error schema ({@code Errors}) only for a 429 on
     * {@code PUT /organizations/{id}}, which desk never sends. desk's 400s use the same
     * {@code {"errors":[{"code","title"}]}} form, so they are held to {@code Errors} here.
     */
    @Nested
    @DisplayName("errors")
    class Errors {

        @ParameterizedTest(name = "GET {0} -> 400 {1}")
        @CsvSource({
            "/api/v2/tickets?page=101&per_page=100, InvalidPaginationDepth",
            "/api/v2/tickets?page[size]=2&page[after]=bogus, InvalidCursor",
        })
        void badRequestInTheErrorsForm(String path, String code) {
            Exchange exchange = get(path);
            JsonNode body = assertAnswered(exchange, 400, "/errors");
            assertThat(body.at("/errors/0/code").asText())
                    .as(exchange.response().body())
                    .isEqualTo(code);
            assertNoViolations(exchange, "Errors", schemas.violations("Errors", body), body);
        }
    }

    /** A validator that passes everything would make every other test here worthless. */
    @Nested
    @DisplayName("the validator itself")
    class SelfCheck {

        private static final String GOOD_TICKET = """
                {"ticket":{"id":1,"status":"open","priority":null,"type":null,"assignee_id":null,
                 "subject":"Hi","tags":["a"],"created_at":"2026-11-27T10:00:00Z","custom_fields":[{"id":42,"value":"x"}],
                 "via":{"channel":"api","source":{}}}}
                """;

        @Test
        @DisplayName("accepts a ticket that follows TicketResponse, nulls where the schema allows them")
        void acceptsAGoodTicket() {
            assertThat(schemas.violations("TicketResponse", OpenApiSchemas.parse(GOOD_TICKET)))
                    .isEmpty();
        }

        @ParameterizedTest(name = "rejects {0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "an unknown status (enum)     | \"status\":\"open\"                 | \"status\":\"bogus\"         | /ticket/status",
                    "a string id (type)           | \"id\":1                            | \"id\":\"1\"                 | /ticket/id",
                    "a bad created_at (format)    | \"created_at\":\"2026-11-27T10:00:00Z\" | \"created_at\":\"yesterday\" | /ticket/created_at",
                    "null where not nullable      | \"tags\":[\"a\"]                    | \"tags\":null                | /ticket/tags",
                    "a field value of null (oneOf) | \"value\":\"x\"                    | \"value\":null               | /ticket/custom_fields/0/value",
                    "a boolean via channel ($ref) | \"channel\":\"api\"                 | \"channel\":true             | /ticket/via/channel",
                })
        void rejectsABrokenTicket(String what, String good, String broken, String path) {
            assertThat(GOOD_TICKET).contains(good);
            List<String> violations =
                    schemas.violations("TicketResponse", OpenApiSchemas.parse(GOOD_TICKET.replace(good, broken)));
            assertThat(violations).isNotEmpty().allMatch(v -> v.startsWith(path + ": "));
        }

        @Test
        @DisplayName("rejects a user without the required name")
        void rejectsAUserWithoutName() {
            assertThat(schemas.violations(USER_SCHEMA, OpenApiSchemas.parse("{\"id\":1,\"email\":\"a@b.c\"}")))
                    .singleElement()
                    .asString()
                    .contains("name")
                    .contains("required");
        }
    }
}
