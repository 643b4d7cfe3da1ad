package io.deskbridge.desk.organizationmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Organization memberships over HTTP: reads as Airbyte's stream makes them, writes and their rules. */
class OrganizationMembershipApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;

    @BeforeEach
    void ownerToken() {
        auth = ownerAuth();
    }

    @Nested
    class Reads {

        private long organizationId;
        private final List<Long> members = new ArrayList<>();

        @BeforeEach
        void seedOnce() {
            if (organizationId != 0) {
                return;
            }
            organizationId = newOrganization();
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
            assertThat(first.path("url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/organization_memberships/"
                            + first.path("id").asLong() + ".json");
            assertThat(response.json().path("count").asLong()).isEqualTo(3);
        }

        @Test
        void shouldWalkAllMembershipsWithACursorBothWays() {
            String base = "/api/v2/organizations/" + organizationId + "/organization_memberships";
            JsonNode first = api.get(base + "?page[size]=2", auth).json();
            assertThat(first.path("organization_memberships").findValuesAsString("user_id"))
                    .containsExactly(members.get(0).toString(), members.get(1).toString());
            assertThat(first.at("/meta/has_more").asBoolean()).isTrue();
            Response second = api.get(
                    first.at("/links/next").asString().substring(baseUrl().length()), auth);
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
            long id = membershipIds(user).get(0);
            Response response = api.get("/api/v2/users/" + user + "/organization_memberships/" + id + ".json", auth);
            assertThat(response.status()).isEqualTo(200);
            assertThat(oas.violations("OrganizationMembershipResponse", OpenApiSchemas.parse(response.body())))
                    .isEmpty();
            assertThat(response.json()
                            .at("/organization_membership/organization_name")
                            .asString())
                    .startsWith("Org ");
            assertThat(response.json().at("/organization_membership/user_id").asLong())
                    .isEqualTo(user);
            assertThat(api.get("/api/v2/users/" + members.get(0) + "/organization_memberships/" + id, auth)
                            .status())
                    .as("another user's membership under this user")
                    .isEqualTo(404);
            assertThat(api.get("/api/v2/users/" + owner().id() + "/organization_memberships", auth)
                            .json()
                            .path("count")
                            .asLong())
                    .as("the owner is in no organization")
                    .isZero();
        }
    }

    @Nested
    class Create {

        @Test
        void shouldMakeAUsersFirstMembershipTheDefaultAndSetTheUsersOrganization() {
            long org = newOrganization();
            long user = newEndUser(null);

            Response created = api.send("POST", "/api/v2/organization_memberships", auth, body(user, org));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(oas.violations("OrganizationMembershipResponse", OpenApiSchemas.parse(created.body())))
                    .isEmpty();
            JsonNode m = created.json().path("organization_membership");
            assertThat(m.path("user_id").asLong()).isEqualTo(user);
            assertThat(m.path("organization_id").asLong()).isEqualTo(org);
            assertThat(m.path("default").asBoolean()).isTrue();
            assertThat(m.path("view_tickets").asBoolean()).isFalse();
            assertThat(userOrganization(user)).isEqualTo(org);
            assertThat(membershipRows(user)).containsExactly(org + ":true");
        }

        @Test
        void shouldAddALaterMembershipAsNotTheDefault() {
            long first = newOrganization();
            long second = newOrganization();
            long user = newEndUser(first);

            Response created = api.send(
                    "POST",
                    "/api/v2/users/" + user + "/organization_memberships.json",
                    auth,
                    "{\"organization_membership\":{\"organization_id\":" + second + "}}");

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(oas.violations("OrganizationMembershipResponse", OpenApiSchemas.parse(created.body())))
                    .isEmpty();
            assertThat(created.json().at("/organization_membership/default").isNull())
                    .as("Zendesk answers null, not false, for a membership that is not the default")
                    .isTrue();
            assertThat(userOrganization(user)).isEqualTo(first);
            assertThat(membershipRows(user)).containsExactly(first + ":true", second + ":false");
            assertThat(api.get("/api/v2/users/" + user + "/organization_memberships", auth)
                            .json()
                            .path("count")
                            .asLong())
                    .isEqualTo(2);
        }

        @Test
        void shouldRefuseASecondMembershipOfTheSameOrganization() {
            long org = newOrganization();
            long user = newEndUser(org);

            Response duplicate = api.send("POST", "/api/v2/organization_memberships", auth, body(user, org));

            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"user_id\":[{\"description\":\"User: " + user
                            + " is already a member of organization " + org + "\",\"error\":\"DuplicateValue\"}]}}");
            assertThat(membershipRows(user)).containsExactly(org + ":true");
        }

        @Test
        void shouldAnswerAnUnknownOrganizationOrBodyUserAsBlankAndAnUnknownPathUserAs404() {
            long org = newOrganization();
            long user = newEndUser(null);

            Response noOrg = api.send("POST", "/api/v2/organization_memberships", auth, body(user, 999_999_999L));
            Response noUser = api.send("POST", "/api/v2/organization_memberships", auth, body(999_999_999L, org));
            Response missingOrg = api.send(
                    "POST",
                    "/api/v2/organization_memberships",
                    auth,
                    "{\"organization_membership\":{\"user_id\":" + user + "}}");
            Response noPathUser = api.send(
                    "POST",
                    "/api/v2/users/999999999/organization_memberships",
                    auth,
                    "{\"organization_membership\":{\"organization_id\":" + org + "}}");

            String blankOrg = "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                    + "\"details\":{\"organization\":[{\"description\":\"Organization cannot be blank\","
                    + "\"error\":\"BlankValue\"}]}}";
            assertThat(noOrg.status()).isEqualTo(422);
            assertThat(noOrg.body()).isEqualTo(blankOrg);
            assertThat(missingOrg.status()).isEqualTo(422);
            assertThat(missingOrg.body()).isEqualTo(blankOrg);
            assertThat(noUser.status()).isEqualTo(422);
            assertThat(noUser.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"user\":[{\"description\":\"User cannot be blank\","
                            + "\"error\":\"BlankValue\"}]}}");
            assertThat(noPathUser.status()).isEqualTo(404);
            assertThat(noPathUser.json().path("error").asString()).isEqualTo("RecordNotFound");
            assertThat(membershipRows(user)).isEmpty();
        }

        @Test
        void shouldMakeExactlyOneDefaultWhenAUsersFirstMembershipsArriveTogether() throws Exception {
            long user = newEndUser(null);
            List<Long> orgs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                orgs.add(newOrganization());
            }
            ExecutorService pool = Executors.newFixedThreadPool(orgs.size());
            try {
                List<Future<Response>> answers = new ArrayList<>();
                for (long org : orgs) {
                    answers.add(pool.submit(
                            () -> api.send("POST", "/api/v2/organization_memberships", auth, body(user, org))));
                }
                for (Future<Response> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
                }
            } finally {
                pool.shutdownNow();
            }

            List<String> rows = membershipRows(user);
            assertThat(rows).hasSize(orgs.size());
            assertThat(rows)
                    .filteredOn(r -> r.endsWith(":true"))
                    .singleElement()
                    .satisfies(r -> assertThat(userOrganization(user) + ":true").isEqualTo(r));
        }

        @Test
        void shouldRefuseTheMembershipOverZendesksLimitOfThreeHundred() {
            long org = newOrganization();
            long user = newEndUser(null);
            OffsetDateTime now = OffsetDateTime.now(clock);
            // Rows straight into the table: 300 organizations over HTTP would only make the test slow.
            for (int i = 1; i <= OrganizationMemberships.MAX_PER_USER; i++) {
                jdbc.sql("""
                        INSERT INTO organization_memberships (user_id, organization_id, is_default, created_at, updated_at)
                        VALUES (:user, :org, FALSE, :now, :now)
                        """)
                        .param("user", user)
                        .param("org", -i)
                        .param("now", now)
                        .update();
            }

            Response refused = api.send("POST", "/api/v2/organization_memberships", auth, body(user, org));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"base\":[{\"description\":\"User " + user
                            + " is already in 300 organizations, the most a user can be in; delete one of its"
                            + " memberships first\",\"error\":\"InvalidValue\"}]}}");
            assertThat(userOrganization(user)).isNull();
        }
    }

    @Nested
    class DefaultAndDelete {

        @Test
        void shouldMakeAnotherMembershipTheDefaultAndMoveTheUsersOrganization() {
            long first = newOrganization();
            long second = newOrganization();
            long user = newEndUser(first);
            long secondId = create(user, second);
            users.findByIdCached(user);
            long epochBefore = epoch();

            Response answer = api.send(
                    "PUT",
                    "/api/v2/users/" + user + "/organization_memberships/" + secondId + "/make_default",
                    auth,
                    null);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(oas.violations("OrganizationMembershipsResponse", OpenApiSchemas.parse(answer.body())))
                    .isEmpty();
            assertThat(answer.json().path("organization_memberships").findValuesAsString("organization_id"))
                    .as("default first")
                    .containsExactly(Long.toString(second), Long.toString(first));
            assertThat(answer.json().at("/organization_memberships/0/default").asBoolean())
                    .isTrue();
            assertThat(answer.json().at("/organization_memberships/1/default").isNull())
                    .isTrue();
            assertThat(userOrganization(user)).isEqualTo(second);
            assertThat(membershipRows(user)).containsExactly(first + ":false", second + ":true");
            assertThat(epoch()).as("every instance drops its cached users").isGreaterThan(epochBefore);
            assertThat(users.findByIdCached(user).orElseThrow().organizationId())
                    .isEqualTo(second);
        }

        @Test
        void shouldPromoteTheOldestRemainingMembershipWhenTheDefaultIsDeleted() {
            long first = newOrganization();
            long second = newOrganization();
            long third = newOrganization();
            long user = newEndUser(first);
            long secondId = create(user, second);
            long thirdId = create(user, third);
            long firstId = membershipIds(user).get(0);
            users.findByIdCached(user);

            Response deleted = api.send("DELETE", "/api/v2/organization_memberships/" + firstId, auth, null);

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isNullOrEmpty();
            assertThat(userOrganization(user)).isEqualTo(second);
            assertThat(users.findByIdCached(user).orElseThrow().organizationId())
                    .isEqualTo(second);
            assertThat(membershipRows(user)).containsExactly(second + ":true", third + ":false");
            assertThat(api.get("/api/v2/organization_memberships/" + firstId, auth)
                            .status())
                    .isEqualTo(404);
            assertThat(api.send("DELETE", "/api/v2/organization_memberships/" + firstId, auth, null)
                            .status())
                    .isEqualTo(404);

            assertThat(api.send("DELETE", "/api/v2/users/" + user + "/organization_memberships/" + thirdId, auth, null)
                            .status())
                    .as("not the default: the user's organization stays")
                    .isEqualTo(204);
            assertThat(userOrganization(user)).isEqualTo(second);
            assertThat(api.send("DELETE", "/api/v2/users/" + user + "/organization_memberships/" + secondId, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(userOrganization(user)).as("in no organization any more").isNull();
            assertThat(membershipRows(user)).isEmpty();
        }

        @Test
        void shouldNotDeleteAnotherUsersMembershipThroughThisUsersPath() {
            long org = newOrganization();
            long user = newEndUser(org);
            long other = newEndUser(null);
            long id = membershipIds(user).get(0);

            Response refused =
                    api.send("DELETE", "/api/v2/users/" + other + "/organization_memberships/" + id, auth, null);

            assertThat(refused.status()).isEqualTo(404);
            assertThat(membershipRows(user)).containsExactly(org + ":true");
        }

        @Test
        void shouldRemoveADeletedOrganizationsMembershipsAndMoveItsMembersDefaults() {
            long doomed = newOrganization();
            long other = newOrganization();
            long both = newEndUser(doomed);
            create(both, other);
            long only = newEndUser(doomed);
            long elsewhere = newEndUser(other);
            create(elsewhere, doomed);

            assertThat(api.send("DELETE", "/api/v2/organizations/" + doomed, auth, null)
                            .status())
                    .isEqualTo(204);

            assertThat(userOrganization(both)).isEqualTo(other);
            assertThat(membershipRows(both)).containsExactly(other + ":true");
            assertThat(userOrganization(only)).isNull();
            assertThat(membershipRows(only)).isEmpty();
            assertThat(userOrganization(elsewhere)).isEqualTo(other);
            assertThat(membershipRows(elsewhere)).containsExactly(other + ":true");
            assertThat(api.get("/api/v2/users/" + both, auth)
                            .json()
                            .at("/user/organization_id")
                            .asLong())
                    .isEqualTo(other);
            assertThat(api.get("/api/v2/users/" + only, auth)
                            .json()
                            .at("/user/organization_id")
                            .isNull())
                    .isTrue();
        }
    }

    @Nested
    class UserWrites {

        @Test
        void shouldReplaceTheDefaultMembershipWhenAUpdateSetsTheOrganization() {
            long first = newOrganization();
            long kept = newOrganization();
            long next = newOrganization();
            long user = newEndUser(first);
            create(user, kept);

            Response updated =
                    api.send("PUT", "/api/v2/users/" + user, auth, "{\"user\":{\"organization_id\":" + next + "}}");

            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().at("/user/organization_id").asLong()).isEqualTo(next);
            assertThat(membershipRows(user)).containsExactly(kept + ":false", next + ":true");
        }

        @Test
        void shouldReuseAMembershipTheUserHasWhenAUpdateSetsItsOrganization() {
            long first = newOrganization();
            long kept = newOrganization();
            long user = newEndUser(first);
            long keptId = create(user, kept);

            Response updated =
                    api.send("PUT", "/api/v2/users/" + user, auth, "{\"user\":{\"organization_id\":" + kept + "}}");

            assertThat(updated.status()).isEqualTo(200);
            assertThat(membershipIds(user)).containsExactly(keptId);
            assertThat(membershipRows(user)).containsExactly(kept + ":true");
        }

        @Test
        void shouldKeepOneDefaultWhenADeletedUsersOrganizationIsSet() {
            long first = newOrganization();
            long next = newOrganization();
            long user = newEndUser(first);
            assertThat(api.send("DELETE", "/api/v2/users/" + user, auth, null).status())
                    .isEqualTo(200);

            Response updated =
                    api.send("PUT", "/api/v2/users/" + user, auth, "{\"user\":{\"organization_id\":" + next + "}}");

            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(membershipRows(user)).containsExactly(next + ":true");
            assertThat(api.get("/api/v2/users/" + user + "/organization_memberships", auth)
                            .json()
                            .path("count")
                            .asLong())
                    .as("a deleted user's memberships are not listed")
                    .isZero();
        }

        @Test
        void shouldGiveAUserCreatedThroughEmailDomainMappingItsMembership() {
            String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".test";
            Response org = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    "{\"organization\":{\"name\":\"Org " + UUID.randomUUID() + "\",\"domain_names\":[\"" + domain
                            + "\"]}}");
            long orgId = org.json().at("/organization/id").asLong();

            Response user = api.send(
                    "POST", "/api/v2/users", auth, "{\"user\":{\"name\":\"Mapped\",\"email\":\"x@" + domain + "\"}}");

            long userId = user.json().at("/user/id").asLong();
            assertThat(user.json().at("/user/organization_id").asLong()).isEqualTo(orgId);
            assertThat(membershipRows(userId)).containsExactly(orgId + ":true");
        }
    }

    @Nested
    class Agents {

        private String agentAuth;

        @BeforeEach
        void agentToken() {
            UserAccount agent = newUser(Role.AGENT);
            agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(agent, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
        }

        @Test
        void shouldLetAnAgentChangeAnEndUsersMemberships() {
            long first = newOrganization();
            long second = newOrganization();
            long user = newEndUser(first);

            Response created = api.send("POST", "/api/v2/organization_memberships", agentAuth, body(user, second));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().at("/organization_membership/id").asLong();
            assertThat(api.send(
                                    "PUT",
                                    "/api/v2/users/" + user + "/organization_memberships/" + id + "/make_default",
                                    agentAuth,
                                    null)
                            .status())
                    .isEqualTo(200);
            assertThat(api.send("DELETE", "/api/v2/organization_memberships/" + id, agentAuth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(userOrganization(user)).isEqualTo(first);
        }

        @Test
        void shouldRefuseAnAgentChangingAnotherAgentsMemberships() {
            long org = newOrganization();
            long other = newOrganization();
            UserAccount colleague = newUser(Role.AGENT);
            long id = create(colleague.id(), org);

            Response create =
                    api.send("POST", "/api/v2/organization_memberships", agentAuth, body(colleague.id(), other));
            Response delete = api.send("DELETE", "/api/v2/organization_memberships/" + id, agentAuth, null);
            Response makeDefault = api.send(
                    "PUT",
                    "/api/v2/users/" + colleague.id() + "/organization_memberships/" + id + "/make_default",
                    agentAuth,
                    null);

            assertThat(List.of(create.status(), delete.status(), makeDefault.status()))
                    .containsExactly(403, 403, 403);
            assertThat(membershipRows(colleague.id())).containsExactly(org + ":true");
        }
    }

    private long newOrganization() {
        Response org = api.send(
                "POST",
                "/api/v2/organizations",
                auth,
                "{\"organization\":{\"name\":\"Org " + UUID.randomUUID() + "\"}}");
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        return org.json().at("/organization/id").asLong();
    }

    private long newEndUser(Long organizationId) {
        Map<String, Object> user = new HashMap<>();
        user.put("name", "End user");
        user.put("email", "e-" + UUID.randomUUID() + "@example.com");
        if (organizationId != null) {
            user.put("organization_id", organizationId);
        }
        Response created = api.send("POST", "/api/v2/users", auth, DeskClient.json(Map.of("user", user)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/user/id").asLong();
    }

    private long create(long user, long org) {
        Response created = api.send("POST", "/api/v2/organization_memberships", auth, body(user, org));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/organization_membership/id").asLong();
    }

    private static String body(long user, long org) {
        return "{\"organization_membership\":{\"user_id\":" + user + ",\"organization_id\":" + org + "}}";
    }

    /** {@code users.organization_id} as the API shows it. */
    private Long userOrganization(long user) {
        JsonNode value = api.get("/api/v2/users/" + user, auth).json().at("/user/organization_id");
        return value.isNull() ? null : value.asLong();
    }

    /** The user's membership rows as {@code organization:default}, oldest first. */
    private List<String> membershipRows(long user) {
        return jdbc.sql(
                        "SELECT organization_id, is_default FROM organization_memberships WHERE user_id = :u ORDER BY id")
                .param("u", user)
                .query((rs, row) -> rs.getLong(1) + ":" + rs.getBoolean(2))
                .list();
    }

    private List<Long> membershipIds(long user) {
        return jdbc.sql("SELECT id FROM organization_memberships WHERE user_id = :u ORDER BY id")
                .param("u", user)
                .query(Long.class)
                .list();
    }

    private long epoch() {
        return jdbc.sql("SELECT version FROM cache_epoch WHERE id = 1")
                .query(Long.class)
                .single();
    }
}
