package io.deskbridge.desk.suspendedticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Suspended tickets as n8n's ticket operations and dlt's suspended_tickets resource use them. desk has
 * no email channel yet, so the tests suspend messages through the facade the channel will call.
 */
class SuspendedTicketApiIntegrationTests extends DeskIntegrationTest {

    private static final String BASE = "/api/v2/suspended_tickets";

    @Autowired
    private SuspendedTickets suspendedTickets;

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private JsonNode conforming(Response response, String oasPath, String method, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        String schema = oas.responseSchema(oasPath, method, status);
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as("%s %s against %s: %s", method, oasPath, schema, response.body())
                .isEmpty();
        return response.json();
    }

    private long suspend(String subject, String email) {
        return suspendedTickets
                .suspend(new SuspendedTickets.Suspension(
                        subject,
                        "Cheap watches " + subject,
                        "Sender " + suffix,
                        email,
                        "support@deskbridge.deskbridge.local",
                        SuspensionCause.DETECTED_AS_SPAM))
                .id();
    }

    private List<Long> listedIds(String auth) {
        List<Long> ids = new ArrayList<>();
        String next = BASE + ".json?page%5Bsize%5D=100";
        while (next != null) {
            JsonNode body = conforming(api.get(next, auth), BASE, "GET", 200);
            body.path("suspended_tickets").forEach(s -> ids.add(s.path("id").asLong()));
            next = body.at("/meta/has_more").asBoolean()
                    ? body.at("/links/next").asString().substring(baseUrl().length())
                    : null;
        }
        return ids;
    }

    @Test
    void shouldListAndShowASuspendedTicketInZendesksShape() {
        String auth = ownerAuth();
        long id = suspend("List " + suffix, "list-" + suffix + "@spam.test");
        assertThat(listedIds(auth)).contains(id);
        JsonNode offset = conforming(api.get(BASE + "?per_page=100", auth), BASE, "GET", 200);
        assertThat(offset.path("count").asLong()).isGreaterThanOrEqualTo(1);
        Response shown = api.get(BASE + "/" + id + ".json", auth);
        assertThat(shown.status()).isEqualTo(200);
        JsonNode ticket = shown.json().path("suspended_ticket");
        assertThat(oas.violations(
                        "SuspendedTicketObject",
                        OpenApiSchemas.parse(shown.body()).path("suspended_ticket")))
                .isEmpty();
        assertThat(ticket.path("subject").asString()).isEqualTo("List " + suffix);
        assertThat(ticket.path("cause").asString()).isEqualTo("Detected as spam");
        assertThat(ticket.path("cause_id").asLong()).isZero();
        assertThat(ticket.at("/author/email").asString()).isEqualTo("list-" + suffix + "@spam.test");
        assertThat(ticket.at("/author/id").isMissingNode()).isTrue();
        assertThat(ticket.at("/via/channel").asString()).isEqualTo("email");
    }

    @Test
    void shouldRecoverASuspendedTicketIntoATicketOfItsAuthor() {
        String auth = ownerAuth();
        String email = "recover-" + suffix + "@customer.test";
        long id = suspend("Recover " + suffix, email);
        Response recovered = api.send("PUT", BASE + "/" + id + "/recover", auth, null);
        JsonNode body = conforming(recovered, BASE + "/{id}/recover", "PUT", 200);
        JsonNode ticket = body.at("/ticket/0");
        assertThat(ticket.path("subject").asString()).isEqualTo("Recover " + suffix);
        assertThat(ticket.path("description").asString()).isEqualTo("Cheap watches Recover " + suffix);
        long requester = ticket.path("requester_id").asLong();
        assertThat(users.findById(requester).orElseThrow().email()).isEqualTo(email);
        JsonNode comments = api.get("/api/v2/tickets/" + ticket.path("id").asLong() + "/comments", auth)
                .json();
        assertThat(comments.at("/comments/0/author_id").asLong()).isEqualTo(requester);
        assertThat(comments.at("/comments/0/public").asBoolean()).isTrue();
        assertThat(api.get(BASE + "/" + id, auth).status()).isEqualTo(404);
        assertThat(listedIds(auth)).doesNotContain(id);
    }

    @Test
    void shouldRecoverManyAndSkipIdsThatDoNotExist() {
        String auth = ownerAuth();
        long one = suspend("Many one " + suffix, "many1-" + suffix + "@customer.test");
        long two = suspend("Many two " + suffix, "many2-" + suffix + "@customer.test");
        Response recovered = api.send("PUT", BASE + "/recover_many?ids=" + one + "," + two + ",999999999", auth, null);
        JsonNode body = conforming(recovered, BASE + "/recover_many", "PUT", 200);
        List<String> subjects = new ArrayList<>();
        body.path("tickets").forEach(t -> subjects.add(t.path("subject").asString()));
        assertThat(subjects).containsExactly("Many one " + suffix, "Many two " + suffix);
        assertThat(listedIds(auth)).doesNotContain(one, two);
    }

    @Test
    void shouldDeleteOneAndDestroyManyLeavingTheOthers() {
        String auth = ownerAuth();
        long single = suspend("Delete " + suffix, "d1-" + suffix + "@spam.test");
        long first = suspend("Destroy one " + suffix, "d2-" + suffix + "@spam.test");
        long second = suspend("Destroy two " + suffix, "d3-" + suffix + "@spam.test");
        long kept = suspend("Kept " + suffix, "d4-" + suffix + "@spam.test");
        assertThat(api.send("DELETE", BASE + "/" + single, auth, null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", BASE + "/" + single, auth, null).status()).isEqualTo(404);
        assertThat(api.send("DELETE", BASE + "/destroy_many?ids=" + first + "," + second, auth, null)
                        .status())
                .isEqualTo(204);
        assertThat(listedIds(auth)).contains(kept).doesNotContain(single, first, second);
    }

    @Test
    void shouldRefuseManyWithoutIdsAndChangeNothing() {
        String auth = ownerAuth();
        long kept = suspend("Untouched " + suffix, "u-" + suffix + "@spam.test");
        Response refused = api.send("DELETE", BASE + "/destroy_many", auth, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Send ids: comma-separated suspended ticket ids");
        Response badId = api.send("PUT", BASE + "/recover_many?ids=abc", auth, null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(listedIds(auth)).contains(kept);
    }
}
