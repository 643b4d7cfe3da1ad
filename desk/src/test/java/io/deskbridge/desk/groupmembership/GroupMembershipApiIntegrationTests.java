package io.deskbridge.desk.groupmembership;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Group memberships as Airbyte's group_memberships stream (cursor, links.next) reads them. */
class GroupMembershipApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;
    private String agentAuth;
    private long agentId;
    private long groupA;
    private long groupB;
    private long membershipA;

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (agentAuth != null) {
            return;
        }
        UserAccount agent = newUser(Role.AGENT);
        agentId = agent.id();
        agentAuth = DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
        groupA = group();
        groupB = group();
        membershipA = create("/api/v2/group_memberships", agentId, groupA)
                .at("/group_membership/id")
                .asLong();
    }

    private long group() {
        Response response =
                api.send("POST", "/api/v2/groups", auth, "{\"group\":{\"name\":\"G " + UUID.randomUUID() + "\"}}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().at("/group/id").asLong();
    }

    private JsonNode create(String path, long userId, long groupId) {
        Response response = api.send(
                "POST", path, auth, "{\"group_membership\":{\"user_id\":" + userId + ",\"group_id\":" + groupId + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(oas.violations("GroupMembershipResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        return response.json();
    }

    private void conformsToList(Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("GroupMembershipsResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
    }

    @Nested
    class Reading {

        @Test
        void shouldMakeTheFirstMembershipTheDefault() {
            Response response = api.get("/api/v2/group_memberships/" + membershipA + ".json", agentAuth);
            assertThat(response.status()).isEqualTo(200);
            assertThat(oas.violations("GroupMembershipResponse", OpenApiSchemas.parse(response.body())))
                    .isEmpty();
            JsonNode membership = response.json().path("group_membership");
            assertThat(membership.path("user_id").asLong()).isEqualTo(agentId);
            assertThat(membership.path("group_id").asLong()).isEqualTo(groupA);
            assertThat(membership.path("default").asBoolean()).isTrue();
            assertThat(membership.path("url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/group_memberships/" + membershipA + ".json");
        }

        @Test
        void shouldListByGroupAndByUserAndAssignable() {
            Response ofGroup = api.get("/api/v2/groups/" + groupA + "/memberships", auth);
            conformsToList(ofGroup);
            assertThat(ofGroup.json().path("group_memberships").findValuesAsString("id"))
                    .containsExactly(Long.toString(membershipA));
            Response ofUser = api.get("/api/v2/users/" + agentId + "/group_memberships.json", auth);
            conformsToList(ofUser);
            assertThat(ofUser.json().path("count").asLong()).isGreaterThanOrEqualTo(1);
            conformsToList(api.get("/api/v2/group_memberships/assignable", auth));
            conformsToList(api.get("/api/v2/groups/" + groupA + "/memberships/assignable", auth));
        }

        @Test
        void shouldWalkEveryMembershipWithACursor() {
            List<Long> ids = new ArrayList<>();
            String next = "/api/v2/group_memberships?page[size]=1";
            while (next != null) {
                Response page = api.get(next, auth);
                conformsToList(page);
                page.json()
                        .path("group_memberships")
                        .forEach(m -> ids.add(m.path("id").asLong()));
                next = page.json().at("/meta/has_more").asBoolean()
                        ? page.json()
                                .at("/links/next")
                                .asString()
                                .substring(baseUrl().length())
                        : null;
            }
            assertThat(ids).contains(membershipA).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void shouldAnswerNotFoundForAnotherUsersMembership() {
            Response response = api.get("/api/v2/users/" + owner().id() + "/group_memberships/" + membershipA, auth);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }
    }

    @Nested
    class Writing {

        @Test
        void shouldAddMakeDefaultAndRemoveAMembership() {
            long second = create("/api/v2/users/" + agentId + "/group_memberships", 0, groupB)
                    .at("/group_membership/id")
                    .asLong();
            Response defaults = api.send(
                    "PUT", "/api/v2/users/" + agentId + "/group_memberships/" + second + "/make_default", auth, "{}");
            assertThat(defaults.status()).isEqualTo(200);
            conformsToList(defaults);
            for (JsonNode m : defaults.json().path("group_memberships")) {
                assertThat(m.path("default").asBoolean()).isEqualTo(m.path("id").asLong() == second);
            }
            assertThat(api.send("DELETE", "/api/v2/users/" + agentId + "/group_memberships/" + second, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/group_memberships/" + membershipA, auth)
                            .json()
                            .at("/group_membership/default")
                            .asBoolean())
                    .as("the remaining membership becomes the default")
                    .isTrue();
        }

        @Test
        void shouldRefuseEndUsersAndDuplicates() {
            UserAccount endUser = newUser(Role.END_USER);
            Response endUserRefused = api.send(
                    "POST",
                    "/api/v2/group_memberships",
                    auth,
                    "{\"group_membership\":{\"user_id\":" + endUser.id() + ",\"group_id\":" + groupA + "}}");
            assertThat(endUserRefused.status()).isEqualTo(422);
            assertThat(endUserRefused.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"user_id\":[{\"description\":\"User id: user " + endUser.id()
                            + " is an end user; only agents can be in groups\",\"error\":\"InvalidValue\"}]}}");
            Response duplicate = api.send(
                    "POST",
                    "/api/v2/group_memberships",
                    auth,
                    "{\"group_membership\":{\"user_id\":" + agentId + ",\"group_id\":" + groupA + "}}");
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.json().at("/details/user_id/0/error").asString())
                    .isEqualTo("DuplicateValue");
            Response noGroup = api.send(
                    "POST",
                    "/api/v2/group_memberships",
                    auth,
                    "{\"group_membership\":{\"user_id\":" + agentId + ",\"group_id\":999999999}}");
            assertThat(noGroup.json().at("/details/group_id/0/description").asString())
                    .isEqualTo("Group id: there is no group 999999999");
        }

        @Test
        void shouldLetOnlyAdminsWrite() {
            Response response = api.send(
                    "POST",
                    "/api/v2/group_memberships",
                    agentAuth,
                    "{\"group_membership\":{\"user_id\":" + agentId + ",\"group_id\":" + groupB + "}}");
            assertThat(response.status()).isEqualTo(403);
            assertThat(api.send("DELETE", "/api/v2/group_memberships/" + membershipA, agentAuth, null)
                            .status())
                    .isEqualTo(403);
        }
    }
}
