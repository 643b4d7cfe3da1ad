package io.deskbridge.desk.searchapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Zendesk search syntax over tickets, users and organizations. */
class SearchIntegrationTests extends DeskIntegrationTest {

    /** A word no other test uses, so results are exactly this class's tickets. */
    private final String marker =
            "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private String auth;
    private long fire;
    private long flood;
    private long quiet;
    private UserAccount requester;
    private long orgId;

    @BeforeAll
    void data() {
        policy.update(
                io.deskbridge.desk.audit.Actor.system(),
                io.deskbridge.desk.apiaccess.ApiAccessUpdate.switches(true, false));
        auth = ownerAuth();
        api = DeskClient.stateless(baseUrl());
        requester = newUser(Role.END_USER);
        orgId = api.send(
                        "POST",
                        "/api/v2/organizations",
                        auth,
                        "{\"organization\":{\"name\":\"Search Org " + marker + "\"}}")
                .json()
                .at("/organization/id")
                .asLong();
        fire = create(Map.of(
                "subject",
                "Printer on fire " + marker,
                "comment",
                Map.of("body", "Smoke is coming out of the paper tray"),
                "priority",
                "urgent",
                "tags",
                List.of("hardware", marker),
                "requester_id",
                requester.id(),
                "organization_id",
                orgId));
        flood = create(Map.of(
                "subject",
                "Basement flood " + marker,
                "comment",
                Map.of("body", "Water in the server room"),
                "priority",
                "low",
                "tags",
                List.of("facilities", marker)));
        quiet = create(Map.of(
                "subject",
                "Quiet question " + marker,
                "comment",
                Map.of("body", "How do I reset my password?"),
                "tags",
                List.of(marker)));
        api.send("PUT", "/api/v2/tickets/" + flood, auth, "{\"ticket\":{\"status\":\"solved\"}}");
    }

    private long create(Map<String, Object> ticket) {
        Response response = api.send("POST", "/api/v2/tickets", auth, DeskClient.json(Map.of("ticket", ticket)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/ticket/id").asLong();
    }

    private List<Long> ids(String query) {
        Response response = api.get("/api/v2/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), auth);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode result : response.json().path("results")) {
            ids.add(result.path("id").asLong());
        }
        return ids;
    }

    @Test
    void shouldFindByFreeTextInSubjectAndComments() {
        assertThat(ids("type:ticket " + marker + " smoke")).containsExactly(fire);
        assertThat(ids("type:ticket " + marker + " server room")).containsExactly(flood);
    }

    @Test
    void shouldMatchQuotedPhrasesOnly() {
        assertThat(ids("type:ticket " + marker + " \"paper tray\"")).containsExactly(fire);
        assertThat(ids("type:ticket " + marker + " \"tray paper\"")).isEmpty();
    }

    @Test
    void shouldMatchPrefixes() {
        assertThat(ids("type:ticket " + marker + " basem*")).containsExactly(flood);
    }

    @Test
    void shouldFilterByStatusWithComparisons() {
        assertThat(ids("type:ticket " + marker + " status<solved")).containsExactlyInAnyOrder(fire, quiet);
        assertThat(ids("type:ticket " + marker + " status:solved")).containsExactly(flood);
        assertThat(ids("type:ticket " + marker + " status>=solved")).containsExactly(flood);
    }

    @Test
    void shouldFilterByPriorityTagsRequesterAndOrganization() {
        assertThat(ids("type:ticket " + marker + " priority:urgent")).containsExactly(fire);
        assertThat(ids("type:ticket " + marker + " priority>low")).containsExactly(fire);
        assertThat(ids("type:ticket tags:" + marker + " tags:facilities")).containsExactly(flood);
        assertThat(ids("type:ticket tags:" + marker + " -tags:facilities")).containsExactlyInAnyOrder(fire, quiet);
        assertThat(ids("type:ticket " + marker + " requester:" + requester.email()))
                .containsExactly(fire);
        assertThat(ids("type:ticket " + marker + " organization:" + orgId)).containsExactly(fire);
        assertThat(ids("type:ticket " + marker + " assignee:none")).containsExactlyInAnyOrder(fire, quiet);
    }

    @Test
    void shouldFilterByDates() {
        assertThat(ids("type:ticket " + marker + " created>2020-01-01")).containsExactlyInAnyOrder(fire, flood, quiet);
        assertThat(ids("type:ticket " + marker + " created<2020-01-01")).isEmpty();
        assertThat(ids("type:ticket " + marker + " created>1hours")).containsExactlyInAnyOrder(fire, flood, quiet);
    }

    @Test
    void shouldSearchUsersAndOrganizationsWithResultTypes() {
        Response users = api.get(
                "/api/v2/search?query=" + URLEncoder.encode("type:user " + requester.email(), StandardCharsets.UTF_8),
                auth);
        assertThat(users.json().at("/results/0/id").asLong()).isEqualTo(requester.id());
        assertThat(users.json().at("/results/0/result_type").asString()).isEqualTo("user");

        Response mixed = api.get("/api/v2/search?query=" + marker, auth);
        List<String> types = new ArrayList<>();
        mixed.json()
                .path("results")
                .forEach(r -> types.add(r.path("result_type").asString()));
        assertThat(types).containsExactly("ticket", "ticket", "ticket", "organization");
    }

    @Test
    void shouldCountAndPage() {
        assertThat(api.get("/api/v2/search/count?query=type:ticket%20" + marker, auth)
                        .json()
                        .path("count")
                        .asLong())
                .isEqualTo(3);
        JsonNode page = api.get("/api/v2/search?query=type:ticket%20" + marker + "&per_page=2", auth)
                .json();
        assertThat(page.path("results")).hasSize(2);
        assertThat(page.path("count").asLong()).isEqualTo(3);
        assertThat(page.path("next_page").asString()).contains("page=2");
    }

    @Test
    void shouldRefusePagesPastTheThousandthResult() {
        Response response = api.get("/api/v2/search?query=" + marker + "&page=11&per_page=100", auth);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid");
    }

    @Test
    void shouldExplainABadOperatorValue() {
        Response response = api.get("/api/v2/search?query=status:bogus", auth);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/title").asString())
                .isEqualTo("status must be one of new, open, pending, hold, solved, closed (got \"bogus\")");
    }
}
