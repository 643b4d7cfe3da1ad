package io.deskbridge.desk.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The end user's Requests API, and the owner's list that dlt's requests resource reads. */
class RequestApiIntegrationTests extends DeskIntegrationTest {

    private static final String REQUESTS = "/api/v2/requests";

    private final OpenApiSchemas oas = OpenApiSchemas.full();

    private JsonNode conforming(Response response, String oasPath, String method, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        String schema = oas.responseSchema(oasPath, method, status);
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as("%s %s against %s: %s", method, oasPath, schema, response.body())
                .isEmpty();
        return response.json();
    }

    private String authOf(UserAccount user) {
        return DeskClient.tokenAuth(user.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
    }

    private long create(String auth, String subject) {
        Response created = api.send("POST", REQUESTS + ".json", auth, """
                {"request":{"subject":"%s","comment":{"body":"My printer is on fire"}}}""".formatted(subject));
        return conforming(created, REQUESTS, "POST", 201).at("/request/id").asLong();
    }

    private List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("requests").forEach(r -> ids.add(r.path("id").asLong()));
        return ids;
    }

    @Nested
    class EndUsers {

        @Test
        void shouldCreateARequestAsTheRequesterAndListOnlyTheirOwn() {
            UserAccount customer = newUser(Role.END_USER);
            String auth = authOf(customer);
            Response created = api.send("POST", REQUESTS, auth, """
                    {"request":{"subject":"Printer","comment":{"body":"My printer is on fire"}}}""");
            JsonNode request = conforming(created, REQUESTS, "POST", 201).path("request");
            long id = request.path("id").asLong();
            assertThat(request.path("requester_id").asLong()).isEqualTo(customer.id());
            assertThat(request.path("status").asString()).isEqualTo("new");
            assertThat(request.path("description").asString()).isEqualTo("My printer is on fire");
            assertThat(request.path("can_be_solved_by_me").asBoolean()).isFalse();

            long someoneElses = create(authOf(newUser(Role.END_USER)), "Not yours");
            JsonNode list = conforming(api.get(REQUESTS + ".json", auth), REQUESTS, "GET", 200);
            assertThat(ids(list)).containsExactly(id);
            assertThat(list.path("count").asLong()).isEqualTo(1);
            Response hidden = api.get(REQUESTS + "/" + someoneElses, auth);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(conforming(api.get(REQUESTS + "/" + id, auth), REQUESTS + "/{request_id}", "GET", 200)
                            .at("/request/subject")
                            .asString())
                    .isEqualTo("Printer");
        }

        @Test
        void shouldShowPublicCommentsOnlyAndAddTheRequestersReply() {
            UserAccount customer = newUser(Role.END_USER);
            String auth = authOf(customer);
            long id = create(auth, "Comments");
            Response note = api.send("PUT", "/api/v2/tickets/" + id, ownerAuth(), """
                    {"ticket":{"comment":{"body":"Internal: check the warranty","public":false}}}""");
            assertThat(note.status()).as(note.body()).isEqualTo(200);
            Response reply = api.send("PUT", REQUESTS + "/" + id, auth, """
                    {"request":{"comment":{"body":"Still burning"}}}""");
            conforming(reply, REQUESTS + "/{request_id}", "PUT", 200);

            JsonNode comments = conforming(
                    api.get(REQUESTS + "/" + id + "/comments", auth), REQUESTS + "/{request_id}/comments", "GET", 200);
            List<String> bodies = new ArrayList<>();
            comments.path("comments").forEach(c -> bodies.add(c.path("body").asString()));
            assertThat(bodies).containsExactly("My printer is on fire", "Still burning");
            assertThat(comments.at("/comments/1/author_id").asLong()).isEqualTo(customer.id());
            long commentId = comments.at("/comments/1/id").asLong();
            conforming(
                    api.get(REQUESTS + "/" + id + "/comments/" + commentId, auth),
                    REQUESTS + "/{request_id}/comments/{ticket_comment_id}",
                    "GET",
                    200);
            JsonNode asAgent =
                    api.get(REQUESTS + "/" + id + "/comments", ownerAuth()).json();
            assertThat(asAgent.path("comments")).hasSize(3);
        }

        @Test
        void shouldLetTheRequesterSolveOnlyOnceTheTicketHasAnAssignee() {
            UserAccount customer = newUser(Role.END_USER);
            String auth = authOf(customer);
            long id = create(auth, "Solve me");
            Response early = api.send("PUT", REQUESTS + "/" + id, auth, "{\"request\":{\"solved\":true}}");
            assertThat(early.status()).isEqualTo(422);
            assertThat(early.body()).contains("cannot be solved by its requester (status new, no assignee yet)");
            assertThat(api.get(REQUESTS + "/" + id, auth)
                            .json()
                            .at("/request/status")
                            .asString())
                    .isEqualTo("new");

            Response assigned = api.send("PUT", "/api/v2/tickets/" + id, ownerAuth(), """
                    {"ticket":{"assignee_id":%d}}""".formatted(owner().id()));
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
            assertThat(api.get(REQUESTS + "/" + id, auth)
                            .json()
                            .at("/request/can_be_solved_by_me")
                            .asBoolean())
                    .isTrue();
            Response solved = api.send("PUT", REQUESTS + "/" + id, auth, "{\"request\":{\"solved\":true}}");
            JsonNode request =
                    conforming(solved, REQUESTS + "/{request_id}", "PUT", 200).path("request");
            assertThat(request.path("status").asString()).isEqualTo("solved");
            assertThat(request.path("solved").asBoolean()).isTrue();
            JsonNode solvedList = conforming(api.get(REQUESTS + "/solved", auth), REQUESTS + "/solved", "GET", 200);
            assertThat(ids(solvedList)).containsExactly(id);
            assertThat(ids(api.get(REQUESTS + "/open", auth).json())).isEmpty();
        }

        @Test
        void shouldRefuseFieldsRequestersCannotSetAndCreateNothing() {
            UserAccount customer = newUser(Role.END_USER);
            String auth = authOf(customer);
            Response priority = api.send("POST", REQUESTS, auth, """
                    {"request":{"subject":"Urgent!","priority":"urgent","comment":{"body":"Now"}}}""");
            assertThat(priority.status()).isEqualTo(422);
            assertThat(priority.body()).contains("Priority: is not editable by requesters in desk");
            Response ccs = api.send("POST", REQUESTS, auth, """
                    {"request":{"subject":"CC","email_ccs":[{"user_email":"x@example.com"}],"comment":{"body":"Hi"}}}""");
            assertThat(ccs.status()).isEqualTo(422);
            assertThat(ccs.body()).contains("Email ccs: is not supported on requests by desk yet");
            Response noComment = api.send("POST", REQUESTS, auth, "{\"request\":{\"subject\":\"Empty\"}}");
            assertThat(noComment.status()).isEqualTo(422);
            assertThat(noComment.body()).contains("Comment: cannot be blank");
            assertThat(api.get(REQUESTS, auth).json().path("requests")).isEmpty();
        }

        @Test
        void shouldRefuseAnUnknownStatusFilter() {
            Response refused = api.get(REQUESTS + "?status=burning", authOf(newUser(Role.END_USER)));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("status must be among new, open, pending, hold, solved, closed");
        }
    }

    @Nested
    class Staff {

        @Test
        void shouldListTheCallersOwnRequestsWithACursorAsDltDoes() {
            UserAccount agent = newUser(Role.AGENT);
            String auth = authOf(agent);
            long first = create(auth, "Agent one");
            long second = create(auth, "Agent two");
            List<Long> seen = new ArrayList<>();
            String next = REQUESTS + ".json?page%5Bsize%5D=1";
            while (next != null) {
                JsonNode body = conforming(api.get(next, auth), REQUESTS, "GET", 200);
                seen.addAll(ids(body));
                next = body.at("/meta/has_more").asBoolean()
                        ? body.at("/links/next").asString().substring(baseUrl().length())
                        : null;
            }
            assertThat(seen).containsExactly(first, second);
            JsonNode open = api.get(REQUESTS + "?status=new,open&sort_by=created_at&sort_order=desc", auth)
                    .json();
            assertThat(ids(open)).containsExactly(second, first);
        }

        @Test
        void shouldShowAnyTicketAsARequestToAgents() {
            long customers = create(authOf(newUser(Role.END_USER)), "Seen by staff");
            Response shown = api.get(REQUESTS + "/" + customers, authOf(newUser(Role.AGENT)));
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().at("/request/subject").asString()).isEqualTo("Seen by staff");
        }
    }
}
