package io.deskbridge.desk.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Users and organizations over real HTTP, with Zendesk's role rules. */
class UserApiIntegrationTests extends DeskIntegrationTest {

    private String auth;

    @BeforeEach
    void adminToken() {
        auth = ownerAuth();
    }

    private String agentAuth() {
        UserAccount agent = newUser(Role.AGENT);
        return DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
    }

    private static String email() {
        return "u-" + UUID.randomUUID() + "@example.com";
    }

    @Nested
    class Users {

        @Test
        void shouldCreateReadAndUpdateAUser() {
            String email = email();
            Response created = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    DeskClient.json(Map.of(
                            "user",
                            Map.of(
                                    "name",
                                    "Ann Agent",
                                    "email",
                                    email,
                                    "role",
                                    "agent",
                                    "tags",
                                    java.util.List.of("VIP")))));
            assertThat(created.status()).isEqualTo(201);
            JsonNode user = created.json().path("user");
            assertThat(user.path("role").asString()).isEqualTo("agent");
            assertThat(user.path("email").asString()).isEqualTo(email);
            assertThat(user.path("tags").toString()).isEqualTo("[\"vip\"]");
            long id = user.path("id").asLong();

            Response updated = api.send(
                    "PUT", "/api/v2/users/" + id, auth, "{\"user\":{\"phone\":\"+1 555\",\"role\":\"admin\"}}");
            assertThat(updated.json().at("/user/phone").asString()).isEqualTo("+1 555");
            assertThat(updated.json().at("/user/role").asString()).isEqualTo("admin");
            assertThat(api.get("/api/v2/users/" + id, auth)
                            .json()
                            .at("/user/phone")
                            .asString())
                    .isEqualTo("+1 555");
        }

        @Test
        void shouldRequireAName() {
            Response response = api.send("POST", "/api/v2/users", auth, "{\"user\":{\"email\":\"" + email() + "\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/name/0/error").asString()).isEqualTo("BlankValue");
        }

        @Test
        void shouldRefuseADuplicateEmailWithZendesksBody() {
            String email = email();
            api.send("POST", "/api/v2/users", auth, "{\"user\":{\"name\":\"A\",\"email\":\"" + email + "\"}}");
            Response duplicate =
                    api.send("POST", "/api/v2/users", auth, "{\"user\":{\"name\":\"B\",\"email\":\"" + email + "\"}}");
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.body())
                    .isEqualTo(
                            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"email\":"
                                    + "[{\"description\":\"Email: " + email
                                    + " is already being used by another user\",\"error\":\"DuplicateValue\"}]}}");
        }

        @Test
        void shouldCreateThenUpdateThroughCreateOrUpdate() {
            String email = email();
            Response first = api.send(
                    "POST",
                    "/api/v2/users/create_or_update",
                    auth,
                    "{\"user\":{\"name\":\"First\",\"email\":\"" + email + "\"}}");
            Response second = api.send(
                    "POST",
                    "/api/v2/users/create_or_update",
                    auth,
                    "{\"user\":{\"name\":\"Second\",\"email\":\"" + email + "\"}}");
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().at("/user/id").asLong())
                    .isEqualTo(first.json().at("/user/id").asLong());
            assertThat(second.json().at("/user/name").asString()).isEqualTo("Second");
        }

        @Test
        void shouldDeactivateOnDelete() {
            UserAccount user = newUser(Role.END_USER);
            Response deleted = api.send("DELETE", "/api/v2/users/" + user.id(), auth, null);
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.json().at("/user/active").asBoolean()).isFalse();
            assertThat(api.get("/api/v2/users/" + user.id(), auth)
                            .json()
                            .at("/user/active")
                            .asBoolean())
                    .isFalse();
        }

        @Test
        void shouldFindUsersBySearchAndExternalIdAndShowMany() {
            String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Response created = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    "{\"user\":{\"name\":\"Searchable " + word + "\",\"email\":\"" + email() + "\",\"external_id\":\""
                            + word + "\"}}");
            long id = created.json().at("/user/id").asLong();
            assertThat(api.get("/api/v2/users/search?query=" + word, auth)
                            .json()
                            .at("/users/0/id")
                            .asLong())
                    .isEqualTo(id);
            assertThat(api.get("/api/v2/users/search?external_id=" + word, auth)
                            .json()
                            .at("/users/0/id")
                            .asLong())
                    .isEqualTo(id);
            assertThat(api.get("/api/v2/users/show_many?ids=" + id, auth)
                            .json()
                            .at("/users/0/id")
                            .asLong())
                    .isEqualTo(id);
        }

        @Test
        void shouldListOnlyTheUserWithTheExternalId() {
            String externalId = "ext-" + UUID.randomUUID();
            long id = api.send(
                            "POST",
                            "/api/v2/users",
                            auth,
                            "{\"user\":{\"name\":\"External\",\"email\":\"" + email() + "\",\"external_id\":\""
                                    + externalId + "\"}}")
                    .json()
                    .at("/user/id")
                    .asLong();
            Response listed = api.get("/api/v2/users?external_id=" + externalId, auth);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().path("users").size()).isEqualTo(1);
            assertThat(listed.json().at("/users/0/id").asLong()).isEqualTo(id);
            assertThat(listed.json().path("count").asLong()).isEqualTo(1);
            Response none = api.get("/api/v2/users?external_id=nobody-" + externalId, auth);
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.json().path("users").size()).isZero();
            assertThat(none.json().path("count").asLong()).isZero();
        }

        @Test
        void shouldLetAgentsCreateEndUsersOnly() {
            String agent = agentAuth();
            assertThat(api.send(
                                    "POST",
                                    "/api/v2/users",
                                    agent,
                                    "{\"user\":{\"name\":\"E\",\"email\":\"" + email() + "\"}}")
                            .status())
                    .isEqualTo(201);
            Response refused = api.send(
                    "POST",
                    "/api/v2/users",
                    agent,
                    "{\"user\":{\"name\":\"A\",\"email\":\"" + email() + "\",\"role\":\"admin\"}}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().at("/error/title").asString()).isEqualTo("Forbidden");
            assertThat(api.send(
                                    "DELETE",
                                    "/api/v2/users/" + newUser(Role.END_USER).id(),
                                    agent,
                                    null)
                            .status())
                    .isEqualTo(403);
            assertThat(api.send("PUT", "/api/v2/users/" + owner().id(), agent, "{\"user\":{\"name\":\"Hacked\"}}")
                            .status())
                    .isEqualTo(403);
            assertThat(owner().name()).isNotEqualTo("Hacked");
        }

        @Test
        void shouldFilterByRole() {
            newUser(Role.AGENT);
            JsonNode agents = api.get("/api/v2/users?role=agent&per_page=100", auth)
                    .json()
                    .path("users");
            assertThat(agents.size()).isPositive();
            agents.forEach(u -> assertThat(u.path("role").asString()).isEqualTo("agent"));
            assertThat(api.get("/api/v2/users?role=boss", auth).status()).isEqualTo(400);
        }
    }

    @Nested
    class Organizations {

        @Test
        void shouldCreateReadUpdateAndDelete() {
            String name = "Org " + UUID.randomUUID();
            Response created = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    "{\"organization\":{\"name\":\"" + name
                            + "\",\"domain_names\":[\"acme.test\"],\"external_id\":\"x1\"}}");
            assertThat(created.status()).isEqualTo(201);
            long id = created.json().at("/organization/id").asLong();
            assertThat(created.json().at("/organization/domain_names/0").asString())
                    .isEqualTo("acme.test");

            Response updated =
                    api.send("PUT", "/api/v2/organizations/" + id, auth, "{\"organization\":{\"notes\":\"gold\"}}");
            assertThat(updated.json().at("/organization/notes").asString()).isEqualTo("gold");

            String email = email();
            Response member = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    "{\"user\":{\"name\":\"M\",\"email\":\"" + email + "\",\"organization_id\":" + id + "}}");
            assertThat(member.json().at("/user/organization_id").asLong()).isEqualTo(id);

            assertThat(api.send("DELETE", "/api/v2/organizations/" + id, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/organizations/" + id, auth).status()).isEqualTo(404);
        }

        @Test
        void shouldRefuseADuplicateName() {
            String name = "Dup " + UUID.randomUUID();
            api.send("POST", "/api/v2/organizations", auth, "{\"organization\":{\"name\":\"" + name + "\"}}");
            Response duplicate = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    "{\"organization\":{\"name\":\"" + name.toUpperCase() + "\"}}");
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.json().at("/details/name/0/error").asString()).isEqualTo("DuplicateValue");
        }

        @Test
        void shouldRefuseAUserInAnUnknownOrganization() {
            Response response = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    "{\"user\":{\"name\":\"M\",\"email\":\"" + email() + "\",\"organization_id\":987654321}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json()
                            .at("/details/organization_id/0/description")
                            .asString())
                    .isEqualTo("Organization id: there is no organization 987654321");
        }

        @Test
        void shouldLetOnlyAdminsWriteOrganizations() {
            String agent = agentAuth();
            assertThat(api.get("/api/v2/organizations", agent).status()).isEqualTo(200);
            Response refused = api.send("POST", "/api/v2/organizations", agent, "{\"organization\":{\"name\":\"No\"}}");
            assertThat(refused.status()).isEqualTo(403);
        }

        @Test
        void shouldCreateAndListGroups() {
            Response created = api.send("POST", "/api/v2/groups", auth, "{\"group\":{\"name\":\"Tier 2\"}}");
            assertThat(created.status()).isEqualTo(201);
            long id = created.json().at("/group/id").asLong();
            assertThat(api.get("/api/v2/groups/" + id, auth)
                            .json()
                            .at("/group/name")
                            .asString())
                    .isEqualTo("Tier 2");
            Response ticket = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    "{\"ticket\":{\"comment\":{\"body\":\"x\"},\"group_id\":" + id + "}}");
            assertThat(ticket.json().at("/ticket/group_id").asLong()).isEqualTo(id);
        }
    }
}
