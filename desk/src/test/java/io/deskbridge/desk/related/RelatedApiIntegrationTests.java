package io.deskbridge.desk.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What n8n's getRelatedData and getOrganizations operations read, counted from real tickets. */
class RelatedApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String auth;
    private long org;
    private long customer;
    private long colleague;
    private long agent;

    private JsonNode conforming(Response response, String oasPath, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        String schema = oas.responseSchema(oasPath, "GET", status);
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as("GET %s against %s: %s", oasPath, schema, response.body())
                .isEmpty();
        return response.json();
    }

    private long create(String path, String body, String pointer) {
        Response created = api.send("POST", path, auth, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at(pointer).asLong();
    }

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (org != 0) {
            return;
        }
        org = create("/api/v2/organizations", """
                {"organization":{"name":"Related %s"}}""".formatted(suffix), "/organization/id");
        customer = create("/api/v2/users", """
                {"user":{"name":"Customer","email":"rc-%s@related.test","organization_id":%d}}""".formatted(suffix, org), "/user/id");
        colleague = create("/api/v2/users", """
                {"user":{"name":"Colleague","email":"rk-%s@related.test","organization_id":%d}}""".formatted(suffix, org), "/user/id");
        agent = create("/api/v2/users", """
                {"user":{"name":"Agent","email":"ra-%s@related.test","role":"agent"}}""".formatted(suffix), "/user/id");
        for (int i = 0; i < 2; i++) {
            create("/api/v2/tickets", """
                    {"ticket":{"subject":"Mine %d","comment":{"body":"x"},"requester_id":%d,"assignee_id":%d,
                      "collaborator_ids":[%d]}}""".formatted(i, customer, agent, colleague), "/ticket/id");
        }
        long deleted = create("/api/v2/tickets", """
                {"ticket":{"subject":"Gone","comment":{"body":"x"},"requester_id":%d}}""".formatted(customer), "/ticket/id");
        assertThat(api.send("DELETE", "/api/v2/tickets/" + deleted, auth, null).status())
                .isEqualTo(204);
    }

    @Test
    void shouldCountAUsersLiveTicketsByRole() {
        JsonNode related = conforming(
                        api.get("/api/v2/users/" + customer + "/related.json", auth),
                        "/api/v2/users/{user_id}/related",
                        200)
                .path("user_related");
        assertThat(related.path("requested_tickets").asLong()).isEqualTo(2);
        assertThat(related.path("assigned_tickets").asLong()).isZero();
        assertThat(related.path("ccd_tickets").asLong()).isZero();
        assertThat(related.path("organization_subscriptions").asLong()).isZero();
        JsonNode agents =
                api.get("/api/v2/users/" + agent + "/related", auth).json().path("user_related");
        assertThat(agents.path("assigned_tickets").asLong()).isEqualTo(2);
        JsonNode ccd =
                api.get("/api/v2/users/" + colleague + "/related", auth).json().path("user_related");
        assertThat(ccd.path("ccd_tickets").asLong()).isEqualTo(2);
        assertThat(ccd.path("requested_tickets").asLong()).isZero();
    }

    @Test
    void shouldCountAnOrganizationsTicketsAndUsers() {
        JsonNode related = conforming(
                        api.get("/api/v2/organizations/" + org + "/related.json", auth),
                        "/api/v2/organizations/{organization_id}/related",
                        200)
                .path("organization_related");
        assertThat(related.path("tickets_count").asLong()).isEqualTo(2);
        assertThat(related.path("users_count").asLong()).isEqualTo(2);
    }

    @Test
    void shouldListTheUsersOrganization() {
        JsonNode body = conforming(
                api.get("/api/v2/users/" + customer + "/organizations.json", auth),
                "/api/v2/users/{user_id}/organizations",
                200);
        assertThat(body.path("organizations")).hasSize(1);
        assertThat(body.at("/organizations/0/id").asLong()).isEqualTo(org);
        assertThat(body.path("count").asLong()).isEqualTo(1);
        assertThat(body.path("next_page").isNull()).isTrue();
        JsonNode none =
                api.get("/api/v2/users/" + agent + "/organizations", auth).json();
        assertThat(none.path("organizations")).isEmpty();
    }

    @Test
    void shouldListEveryOrganizationOfAUserInSeveralTheDefaultFirst() {
        long other = create("/api/v2/organizations", """
                {"organization":{"name":"A first by name %s"}}""".formatted(suffix), "/organization/id");
        long member = create("/api/v2/users", """
                {"user":{"name":"Member","email":"rm-%s@related.test","organization_id":%d}}""".formatted(suffix, org), "/user/id");
        create("/api/v2/organization_memberships", """
                {"organization_membership":{"user_id":%d,"organization_id":%d}}""".formatted(member, other), "/organization_membership/id");

        JsonNode body = conforming(
                api.get("/api/v2/users/" + member + "/organizations.json", auth),
                "/api/v2/users/{user_id}/organizations",
                200);

        assertThat(body.path("organizations").findValuesAsString("id"))
                .as("the default first, though the other sorts first by name")
                .containsExactly(Long.toString(org), Long.toString(other));
        assertThat(body.path("count").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v2/organizations/" + other + "/related", auth)
                        .json()
                        .at("/organization_related/users_count")
                        .asLong())
                .as("a member whose default is another organization counts")
                .isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFoundForAUserOrOrganizationThatDoesNotExist() {
        for (String path : List.of(
                "/api/v2/users/999999999/related",
                "/api/v2/users/999999999/organizations",
                "/api/v2/organizations/999999999/related")) {
            Response missing = api.get(path, auth);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.json().path("error").asString()).as(path).isEqualTo("RecordNotFound");
        }
    }

    @Test
    void shouldFilterUsersByRepeatedRoleValuesAsN8nSendsThem() {
        List<String> roles = new ArrayList<>();
        String next = "/api/v2/users.json?role%5B%5D=end-user&role%5B%5D=agent&per_page=100";
        while (next != null) {
            Response page = api.get(next, auth);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("users").forEach(u -> roles.add(u.path("role").asString()));
            next = page.json().path("next_page").isString()
                    ? page.json()
                                    .path("next_page")
                                    .asString()
                                    .substring(baseUrl().length())
                            + "&role%5B%5D=end-user&role%5B%5D=agent&per_page=100"
                    : null;
        }
        assertThat(roles).contains("end-user", "agent").doesNotContain("admin");
    }
}
