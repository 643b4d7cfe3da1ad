package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tickets, comments, deleted tickets and pagination over real HTTP. */
class TicketApiIntegrationTests extends DeskIntegrationTest {

    private String auth;

    @BeforeEach
    void adminToken() {
        auth = ownerAuth();
    }

    private JsonNode createTicket(Map<String, Object> ticket) {
        Response response = api.send("POST", "/api/v2/tickets", auth, DeskClient.json(Map.of("ticket", ticket)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("ticket");
    }

    private JsonNode simpleTicket(String subject) {
        return createTicket(Map.of("subject", subject, "comment", Map.of("body", "Body of " + subject)));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Nested
    class Creating {

        @Test
        void shouldCreateATicketWithItsFirstCommentAsDescription() {
            Response response = api.send(
                    "POST",
                    "/api/v2/tickets.json",
                    auth,
                    DeskClient.json(Map.of(
                            "ticket",
                            Map.of(
                                    "subject", "Printer on fire",
                                    "comment", Map.of("body", "Smoke everywhere"),
                                    "priority", "urgent",
                                    "type", "incident",
                                    "tags", List.of("Fire", "hardware"),
                                    "custom_fields", List.of(Map.of("id", 42, "value", "blue")),
                                    "unknown_field", "ignored"))));
            assertThat(response.status()).isEqualTo(201);
            JsonNode t = response.json().path("ticket");
            assertThat(response.header("Location"))
                    .isEqualTo(baseUrl() + "/api/v2/tickets/" + t.path("id").asLong() + ".json");
            assertThat(t.path("url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/tickets/" + t.path("id").asLong() + ".json");
            assertThat(t.path("subject").asString()).isEqualTo("Printer on fire");
            assertThat(t.path("description").asString()).isEqualTo("Smoke everywhere");
            assertThat(t.path("priority").asString()).isEqualTo("urgent");
            assertThat(t.path("type").asString()).isEqualTo("incident");
            assertThat(t.path("status").asString()).isEqualTo("new");
            assertThat(t.path("tags").toString()).isEqualTo("[\"fire\",\"hardware\"]");
            assertThat(t.path("custom_fields").toString()).isEqualTo("[{\"id\":42,\"value\":\"blue\"}]");
            assertThat(t.path("requester_id").asLong()).isEqualTo(owner().id());
            assertThat(t.path("submitter_id").asLong()).isEqualTo(owner().id());
            assertThat(t.path("via").path("channel").asString()).isEqualTo("api");
            assertThat(t.path("generated_timestamp").asLong()).isPositive();
            assertThat(t.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }

        @Test
        void shouldCreateTheRequesterAsAnEndUserWhenTheEmailIsNew() {
            String email = "req-" + UUID.randomUUID() + "@example.com";
            JsonNode first = createTicket(Map.of(
                    "subject",
                    "a",
                    "comment",
                    Map.of("body", "b"),
                    "requester",
                    Map.of("name", "Rita Requester", "email", email)));
            UserAccount created = users.findByEmail(email).orElseThrow();
            assertThat(created.name()).isEqualTo("Rita Requester");
            assertThat(created.role()).isEqualTo(Role.END_USER);
            assertThat(first.path("requester_id").asLong()).isEqualTo(created.id());

            JsonNode second = createTicket(Map.of(
                    "subject",
                    "c",
                    "comment",
                    Map.of("body", "d"),
                    "requester",
                    Map.of("name", "Other", "email", email.toUpperCase())));
            assertThat(second.path("requester_id").asLong()).isEqualTo(created.id());
            assertThat(count("SELECT COUNT(*) FROM users WHERE email_normalized = '" + email + "'"))
                    .isEqualTo(1);
        }

        @Test
        void shouldRefuseATicketWithoutAComment() {
            long before = count("SELECT COUNT(*) FROM tickets");
            Response response = api.send("POST", "/api/v2/tickets", auth, "{\"ticket\":{\"subject\":\"no body\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(
                            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
                                    + "{\"description\":[{\"description\":\"Description: cannot be blank\",\"error\":\"BlankValue\"}]}}");
            assertThat(count("SELECT COUNT(*) FROM tickets")).isEqualTo(before);
        }

        @Test
        void shouldRefuseAnUnknownPriorityNamingTheValue() {
            Response response = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    "{\"ticket\":{\"comment\":{\"body\":\"x\"},\"priority\":\"critical\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/priority/0/description").asString())
                    .isEqualTo("Priority: \"critical\" is not one of low, normal, high, urgent");
        }

        @Test
        void shouldRefuseAnEndUserAsAssignee() {
            UserAccount endUser = newUser(Role.END_USER);
            Response response = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    "{\"ticket\":{\"comment\":{\"body\":\"x\"},\"assignee_id\":" + endUser.id() + "}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/assignee_id/0/description").asString())
                    .isEqualTo("Assignee id: user " + endUser.id() + " is an end user; assignees are agents or admins");
        }

        @Test
        void shouldAnswerMalformedJsonWith400() {
            Response response = api.send("POST", "/api/v2/tickets", auth, "{\"ticket\": [");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidJSON");
        }

        @Test
        void shouldRefuseAnOversizeBodyWith413() {
            String huge = "{\"ticket\":{\"comment\":{\"body\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}}";
            long before = count("SELECT COUNT(*) FROM tickets");
            Response response = api.send("POST", "/api/v2/tickets", auth, huge);
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("RequestTooLarge");
            assertThat(count("SELECT COUNT(*) FROM tickets")).isEqualTo(before);
        }

        @Test
        void shouldReplayAnIdempotentCreate() {
            String key = UUID.randomUUID().toString();
            String body = "{\"ticket\":{\"subject\":\"once\",\"comment\":{\"body\":\"only once\"}}}";
            Response first = api.send("POST", "/api/v2/tickets", auth, body, Map.of("Idempotency-Key", key));
            Response again = api.send("POST", "/api/v2/tickets", auth, body, Map.of("Idempotency-Key", key));
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("x-idempotency-lookup")).isEqualTo("miss");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("x-idempotency-lookup")).isEqualTo("hit");
            assertThat(again.json().at("/ticket/id").asLong())
                    .isEqualTo(first.json().at("/ticket/id").asLong());

            Response conflict = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    "{\"ticket\":{\"subject\":\"other\",\"comment\":{\"body\":\"x\"}}}",
                    Map.of("Idempotency-Key", key));
            assertThat(conflict.status()).isEqualTo(400);
            assertThat(conflict.json().path("error").asString()).isEqualTo("IdempotentRequestError");
        }
    }

    @Nested
    class Updating {

        @Test
        void shouldUpdateFieldsAddACommentAndTagsAndReportTheAudit() {
            JsonNode ticket = createTicket(Map.of(
                    "subject", "Update me", "comment", Map.of("body", "first"), "tags", List.of("keep", "drop")));
            long id = ticket.path("id").asLong();
            long generatedBefore = ticket.path("generated_timestamp").asLong();
            clock.advance(Duration.ofSeconds(5));

            Response response = api.send(
                    "PUT",
                    "/api/v2/tickets/" + id,
                    auth,
                    DeskClient.json(Map.of(
                            "ticket",
                            Map.of(
                                    "status", "pending",
                                    "priority", "high",
                                    "additional_tags", List.of("added"),
                                    "remove_tags", List.of("drop"),
                                    "comment", Map.of("body", "second", "public", false)))));
            assertThat(response.status()).isEqualTo(200);
            JsonNode updated = response.json().path("ticket");
            assertThat(updated.path("status").asString()).isEqualTo("pending");
            assertThat(updated.path("priority").asString()).isEqualTo("high");
            assertThat(updated.path("tags").toString()).isEqualTo("[\"keep\",\"added\"]");
            assertThat(updated.path("generated_timestamp").asLong()).isGreaterThan(generatedBefore);

            JsonNode events = response.json().at("/audit/events");
            List<String> kinds = new ArrayList<>();
            events.forEach(e -> kinds.add(
                    e.path("type").asString() + ":" + e.path("field_name").asString("")));
            assertThat(kinds).contains("Change:status", "Change:priority", "Change:tags", "Comment:");

            JsonNode comments =
                    api.get("/api/v2/tickets/" + id + "/comments", auth).json().path("comments");
            assertThat(comments).hasSize(2);
            assertThat(comments.get(0).path("body").asString()).isEqualTo("first");
            assertThat(comments.get(0).path("public").asBoolean()).isTrue();
            assertThat(comments.get(1).path("body").asString()).isEqualTo("second");
            assertThat(comments.get(1).path("public").asBoolean()).isFalse();
            assertThat(comments.get(1).path("author_id").asLong()).isEqualTo(owner().id());
        }

        @Test
        void shouldRefuseToUpdateAClosedTicket() {
            long id = simpleTicket("to close").path("id").asLong();
            assertThat(api.send("PUT", "/api/v2/tickets/" + id, auth, "{\"ticket\":{\"status\":\"closed\"}}")
                            .status())
                    .isEqualTo(200);
            Response refused = api.send("PUT", "/api/v2/tickets/" + id, auth, "{\"ticket\":{\"priority\":\"low\"}}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo(
                            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
                                    + "{\"status\":[{\"description\":\"Status: closed prevents ticket update\",\"error\":\"InvalidValue\"}]}}");
            assertThat(tickets.get(id).priority()).isNull();
        }

        @Test
        void shouldAnswer404ForAnUnknownTicket() {
            Response response =
                    api.send("PUT", "/api/v2/tickets/999999999", auth, "{\"ticket\":{\"status\":\"open\"}}");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }
    }

    @Autowired
    Tickets tickets;

    @Nested
    class Deleting {

        @Test
        void shouldSoftDeleteListAndRestore() {
            long id = simpleTicket("delete me").path("id").asLong();
            assertThat(api.send("DELETE", "/api/v2/tickets/" + id, auth, null).status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/tickets/" + id, auth).status()).isEqualTo(404);

            JsonNode deleted = api.get("/api/v2/deleted_tickets?per_page=100&sort_by=id&sort_order=desc", auth)
                    .json()
                    .path("deleted_tickets");
            JsonNode mine = null;
            for (JsonNode d : deleted) {
                if (d.path("id").asLong() == id) {
                    mine = d;
                }
            }
            assertThat(mine).as("deleted ticket listed").isNotNull();
            assertThat(mine.path("previous_state").asString()).isEqualTo("new");
            assertThat(mine.path("actor").path("id").asLong()).isEqualTo(owner().id());

            assertThat(api.send("PUT", "/api/v2/deleted_tickets/" + id + "/restore", auth, null)
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v2/tickets/" + id, auth).status()).isEqualTo(200);
        }
    }

    @Nested
    class Pagination {

        @Test
        void shouldWalkEveryTicketWithCursorsAndEndWithANullNextLink() {
            for (int i = 0; i < 7; i++) {
                simpleTicket("cursor " + i);
            }
            Set<Long> seen = new HashSet<>();
            String next = "/api/v2/tickets.json?page[size]=3";
            int pages = 0;
            while (next != null) {
                Response page = api.get(next.replace(baseUrl(), ""), auth);
                assertThat(page.status()).isEqualTo(200);
                JsonNode json = page.json();
                json.path("tickets")
                        .forEach(
                                t -> assertThat(seen.add(t.path("id").asLong())).isTrue());
                JsonNode link = json.at("/links/next");
                assertThat(json.at("/meta/has_more").asBoolean()).isEqualTo(!link.isNull());
                next = link.isNull() ? null : link.asString();
                pages++;
            }
            assertThat(seen).hasSize((int) count("SELECT COUNT(*) FROM tickets WHERE deleted_at IS NULL"));
            assertThat(pages).isGreaterThan(2);
        }

        @Test
        void shouldWalkBackwardsWithBeforeCursors() {
            for (int i = 0; i < 4; i++) {
                simpleTicket("backwards " + i);
            }
            JsonNode first =
                    api.get("/api/v2/tickets?page[size]=2&sort=-id", auth).json();
            JsonNode second = api.get(
                            "/api/v2/tickets?page[size]=2&sort=-id&page[after]="
                                    + first.at("/meta/after_cursor").asString(),
                            auth)
                    .json();
            JsonNode back = api.get(
                            "/api/v2/tickets?page[size]=2&sort=-id&page[before]="
                                    + second.at("/meta/before_cursor").asString(),
                            auth)
                    .json();
            assertThat(back.path("tickets").toString())
                    .isEqualTo(first.path("tickets").toString());
            assertThat(second.path("tickets").get(0).path("id").asLong())
                    .isLessThan(first.path("tickets").get(1).path("id").asLong());
        }

        @Test
        void shouldRefuseATamperedCursor() {
            simpleTicket("tamper");
            simpleTicket("tamper 2");
            String cursor = api.get("/api/v2/tickets?page[size]=1", auth)
                    .json()
                    .at("/meta/after_cursor")
                    .asString();
            String forged = cursor.charAt(0) == 'A' ? "B" + cursor.substring(1) : "A" + cursor.substring(1);
            Response response = api.get("/api/v2/tickets?page[size]=1&page[after]=" + forged, auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidCursor");
            assertThat(api.get("/api/v2/tickets?page[size]=1&page[after]=garbage", auth)
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void shouldRefuseACursorMadeForAnotherList() {
            newUser(Role.END_USER);
            String userCursor = api.get("/api/v2/users?page[size]=1", auth)
                    .json()
                    .at("/meta/after_cursor")
                    .asString();
            Response response = api.get("/api/v2/tickets?page[size]=1&page[after]=" + userCursor, auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidCursor");
        }

        @Test
        void shouldPageWithOffsetsAndCount() {
            for (int i = 0; i < 3; i++) {
                simpleTicket("offset " + i);
            }
            long total = count("SELECT COUNT(*) FROM tickets WHERE deleted_at IS NULL");
            JsonNode page1 = api.get("/api/v2/tickets?per_page=2", auth).json();
            assertThat(page1.path("count").asLong()).isEqualTo(total);
            assertThat(page1.path("tickets")).hasSize(2);
            assertThat(page1.path("previous_page").isNull()).isTrue();
            assertThat(page1.path("next_page").asString())
                    .startsWith(baseUrl() + "/api/v2/tickets.json?")
                    .contains("page=2");
        }

        @Test
        void shouldRefuseOffsetsPastTenThousandRecords() {
            Response response = api.get("/api/v2/tickets?page=101&per_page=100", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidPaginationDepth");
        }

        @Test
        void shouldRefuseAPageSizeOver100() {
            Response response = api.get("/api/v2/tickets?page[size]=101", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/title").asString())
                    .isEqualTo("page[size] must be from 1 to 100 (got 101)");
            assertThat(api.get("/api/v2/tickets?per_page=abc", auth).status()).isEqualTo(400);
        }

        @Test
        void shouldPageCommentsWithCursors() {
            long id = simpleTicket("many comments").path("id").asLong();
            for (int i = 0; i < 4; i++) {
                api.send(
                        "PUT",
                        "/api/v2/tickets/" + id,
                        auth,
                        "{\"ticket\":{\"comment\":{\"body\":\"reply " + i + "\"}}}");
            }
            JsonNode first = api.get("/api/v2/tickets/" + id + "/comments?page[size]=3", auth)
                    .json();
            assertThat(first.path("comments")).hasSize(3);
            String next = first.at("/links/next").asString();
            JsonNode second = api.get(next.replace(baseUrl(), ""), auth).json();
            assertThat(second.path("comments")).hasSize(2);
            assertThat(second.at("/links/next").isNull()).isTrue();
            assertThat(second.path("comments").get(1).path("body").asString()).isEqualTo("reply 3");
        }
    }

    @Nested
    class Sideloads {

        @Test
        void shouldIncludeUsersAndOrganizations() {
            Response org = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    "{\"organization\":{\"name\":\"Side " + UUID.randomUUID() + "\"}}");
            long orgId = org.json().at("/organization/id").asLong();
            long id = createTicket(Map.of("subject", "side", "comment", Map.of("body", "x"), "organization_id", orgId))
                    .path("id")
                    .asLong();
            JsonNode body = api.get("/api/v2/tickets/" + id + "?include=users,organizations", auth)
                    .json();
            assertThat(body.path("users").get(0).path("id").asLong()).isEqualTo(owner().id());
            assertThat(body.path("organizations").get(0).path("id").asLong()).isEqualTo(orgId);
        }

        @Test
        void shouldShowManyById() {
            long a = simpleTicket("many a").path("id").asLong();
            long b = simpleTicket("many b").path("id").asLong();
            JsonNode body = api.get("/api/v2/tickets/show_many?ids=" + a + "," + b + ",999999999", auth)
                    .json();
            List<Long> ids = new ArrayList<>();
            body.path("tickets").forEach(t -> ids.add(t.path("id").asLong()));
            assertThat(ids).containsExactly(a, b);
        }
    }

    @Nested
    class Permissions {

        @Test
        void shouldRefuseEndUsersTheAgentApi() {
            UserAccount endUser = newUser(Role.END_USER);
            String endUserAuth = DeskClient.tokenAuth(
                    endUser.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            Response response = api.get("/api/v2/tickets", endUserAuth);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().at("/error/title").asString()).isEqualTo("Forbidden");
        }

        @Test
        void shouldLetAgentsWorkTickets() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            Response created = api.send(
                    "POST", "/api/v2/tickets", agentAuth, "{\"ticket\":{\"comment\":{\"body\":\"from an agent\"}}}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().at("/ticket/submitter_id").asLong()).isEqualTo(agent.id());
        }

        @Test
        void shouldRefuseReadOnlyTokensTicketWrites() {
            String readOnly = DeskClient.tokenAuth(
                    OWNER_EMAIL, issueToken(owner(), TokenScope.READ_ONLY, AuthenticatesAs.OWNER_ONLY));
            long before = count("SELECT COUNT(*) FROM tickets");
            assertThat(api.get("/api/v2/tickets", readOnly).status()).isEqualTo(200);
            Response write =
                    api.send("POST", "/api/v2/tickets", readOnly, "{\"ticket\":{\"comment\":{\"body\":\"x\"}}}");
            assertThat(write.status()).isEqualTo(403);
            assertThat(write.json().path("description").asString())
                    .isEqualTo("You are missing the following required scopes: write");
            assertThat(count("SELECT COUNT(*) FROM tickets")).isEqualTo(before);
        }

        @Test
        void shouldCarryRateLimitHeadersOnEveryResponse() {
            Response ok = api.get("/api/v2/tickets?per_page=1", auth);
            Response refused = api.get("/api/v2/tickets", null);
            for (Response r : List.of(ok, refused)) {
                assertThat(r.header("X-Rate-Limit")).isEqualTo("700");
                assertThat(Long.parseLong(r.header("X-Rate-Limit-Remaining"))).isBetween(0L, 700L);
            }
        }
    }
}
