package io.deskbridge.desk.organizationmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Organization memberships derived from users' organization (see the package's decisions), as
 * Airbyte's organization_memberships stream reads them.
 */
class OrganizationMembershipApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;
    private long organizationId;
    private final List<Long> members = new ArrayList<>();

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (organizationId != 0) {
            return;
        }
        String name = "Org " + UUID.randomUUID();
        Response org =
                api.send("POST", "/api/v2/organizations", auth, "{\"organization\":{\"name\":\"" + name + "\"}}");
        assertThat(org.status()).isEqualTo(201);
        organizationId = org.json().at("/organization/id").asLong();
        for (int i = 0; i < 3; i++) {
            Response user = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    DeskClient.json(Map.of(
                            "user",
                            Map.of(
                                    "name", "Member " + i,
                                    "email", "m-" + UUID.randomUUID() + "@example.com",
                                    "organization_id", organizationId))));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            members.add(user.json().at("/user/id").asLong());
        }
    }

    @Test
    void shouldListTheOrganizationsMembersInZendeskShape() {
        Response response = api.get("/api/v2/organizations/" + organizationId + "/organization_memberships", auth);
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("OrganizationMembershipsResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        JsonNode first = response.json().at("/organization_memberships/0");
        assertThat(first.path("user_id").asLong()).isEqualTo(members.get(0));
        assertThat(first.path("organization_id").asLong()).isEqualTo(organizationId);
        assertThat(first.path("default").asBoolean()).isTrue();
        assertThat(response.json().path("count").asLong()).isEqualTo(3);
    }

    @Test
    void shouldWalkAllMembershipsWithACursorBothWays() {
        String base = "/api/v2/organizations/" + organizationId + "/organization_memberships";
        JsonNode first = api.get(base + "?page[size]=2", auth).json();
        assertThat(first.path("organization_memberships").findValuesAsString("user_id"))
                .containsExactly(members.get(0).toString(), members.get(1).toString());
        assertThat(first.at("/meta/has_more").asBoolean()).isTrue();
        Response second =
                api.get(first.at("/links/next").asString().substring(baseUrl().length()), auth);
        assertThat(second.status()).isEqualTo(200);
        assertThat(oas.violations("OrganizationMembershipsResponse", OpenApiSchemas.parse(second.body())))
                .isEmpty();
        assertThat(second.json().path("organization_memberships").findValuesAsString("user_id"))
                .containsExactly(members.get(2).toString());
        assertThat(second.json().at("/meta/has_more").asBoolean()).isFalse();
        assertThat(second.json().at("/links/next").isNull()).isTrue();
        JsonNode back = api.get(
                        second.json()
                                .at("/links/prev")
                                .asString()
                                .substring(baseUrl().length()),
                        auth)
                .json();
        assertThat(back.path("organization_memberships")).isEqualTo(first.path("organization_memberships"));
    }

    @Test
    void shouldShowAMembershipAlsoUnderItsUser() {
        long user = members.get(1);
        Response response = api.get("/api/v2/users/" + user + "/organization_memberships/" + user + ".json", auth);
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("OrganizationMembershipResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        assertThat(response.json()
                        .at("/organization_membership/organization_name")
                        .asString())
                .startsWith("Org ");
        assertThat(api.get("/api/v2/users/" + user + "/organization_memberships", auth)
                        .json()
                        .path("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v2/organization_memberships/" + owner().id(), auth)
                        .status())
                .as("the owner is in no organization")
                .isEqualTo(404);
    }

    /** Writes are not served yet (see the package's decisions): desk's 405 body for an unmapped method. */
    @Test
    void shouldAnswerMethodNotAllowedForWrites() {
        Response response = api.send(
                "POST", "/api/v2/organization_memberships", auth, "{\"organization_membership\":{\"user_id\":1}}");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body())
                .isEqualTo(
                        "{\"errors\":[{\"code\":\"MethodNotAllowed\",\"title\":\"Method POST is not allowed here.\"}]}");
    }
}
