package io.deskbridge.desk.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /users/{id}/identities} and the {@code identities} sideload, against Zendesk's OAS schemas. */
class UserIdentityApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;
    private long userId;
    private String email;

    @BeforeEach
    void anEndUser() {
        auth = ownerAuth();
        email = "ident-" + UUID.randomUUID() + "@example.com";
        Response created = api.send("POST", "/api/v2/users", auth, """
                {"user":{"name":"Identity Owner","email":"%s"}}""".formatted(email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        userId = created.json().at("/user/id").asLong();
    }

    private String identities() {
        return "/api/v2/users/" + userId + "/identities";
    }

    private Response post(String type, String value) {
        return api.send("POST", identities(), auth, """
                {"identity":{"type":"%s","value":"%s"}}""".formatted(type, value));
    }

    private void conforms(String schema, Response response) {
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as(response.body())
                .isEmpty();
    }

    @Nested
    class Listing {

        @Test
        void shouldListTheUsersEmailAsItsPrimaryVerifiedlessIdentity() {
            Response list = api.get(identities(), auth);
            assertThat(list.status()).isEqualTo(200);
            conforms("UserIdentitiesResponse", list);
            JsonNode identity = list.json().at("/identities/0");
            assertThat(list.json().path("identities").size()).isEqualTo(1);
            assertThat(identity.path("type").asString()).isEqualTo("email");
            assertThat(identity.path("value").asString()).isEqualTo(email);
            assertThat(identity.path("primary").asBoolean()).isTrue();
            assertThat(identity.path("user_id").asLong()).isEqualTo(userId);
            assertThat(identity.path("deliverable_state").asString()).isEqualTo("deliverable");
            assertThat(list.json().path("count").asLong()).isEqualTo(1);
        }

        @Test
        void shouldFilterByTypeAndPageWithCursors() {
            post("phone_number", "+1 555 0101").json();
            post("twitter", "ident" + userId).json();
            Response phones = api.get(identities() + "?type[]=phone_number", auth);
            assertThat(phones.json().path("identities").findValuesAsString("type"))
                    .containsExactly("phone_number");

            Response first = api.get(identities() + "?page[size]=2", auth);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().path("identities").size()).isEqualTo(2);
            assertThat(first.json().at("/meta/has_more").asBoolean()).isTrue();
            Response second = api.get(
                    first.json()
                            .at("/links/next")
                            .asString()
                            .substring(baseUrl().length()),
                    auth);
            assertThat(second.json().path("identities").findValuesAsString("type"))
                    .containsExactly("twitter");
            assertThat(second.json().at("/meta/has_more").asBoolean()).isFalse();
        }

        @Test
        void shouldRefuseAnUnknownTypeFilterAndAnUnknownUser() {
            Response bad = api.get(identities() + "?type[]=pager", auth);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().at("/errors/0/title").asString())
                    .contains("type must be one of")
                    .contains("pager");
            Response missing = api.get("/api/v2/users/999999999/identities", auth);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asString()).isEqualTo("RecordNotFound");
        }
    }

    @Nested
    class Writing {

        @Test
        void shouldCreateShowUpdateVerifyAndDeleteAnIdentity() {
            Response created = post("phone_number", "+1 555 0102");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            conforms("UserIdentityResponse", created);
            long id = created.json().at("/identity/id").asLong();
            assertThat(created.json().at("/identity/primary").asBoolean())
                    .as("the first phone identity is the primary phone")
                    .isTrue();
            assertThat(created.json().at("/identity/verified").asBoolean()).isFalse();

            Response shown = api.get(identities() + "/" + id, auth);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().at("/identity/value").asString()).isEqualTo("+1 555 0102");

            clock.advance(Duration.ofMinutes(1));
            Response updated = api.send("PUT", identities() + "/" + id, auth, """
                    {"identity":{"value":"+1 555 0103"}}""");
            assertThat(updated.status()).isEqualTo(200);
            conforms("UserIdentityResponse", updated);
            assertThat(updated.json().at("/identity/value").asString()).isEqualTo("+1 555 0103");
            assertThat(updated.json().at("/identity/updated_at").asString())
                    .isNotEqualTo(created.json().at("/identity/updated_at").asString());

            Response verified = api.send("PUT", identities() + "/" + id + "/verify", auth, null);
            assertThat(verified.status()).isEqualTo(200);
            conforms("UserIdentityResponse", verified);
            assertThat(verified.json().at("/identity/verified").asBoolean()).isTrue();
            assertThat(verified.json().at("/identity/verification_method").asString())
                    .isEqualTo("low");

            Response request = api.send("PUT", identities() + "/" + id + "/request_verification", auth, null);
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.body()).isEmpty();

            Response deleted = api.send("DELETE", identities() + "/" + id, auth, null);
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(api.get(identities() + "/" + id, auth).status()).isEqualTo(404);
        }

        @Test
        void shouldMakeAnotherEmailPrimaryAndMoveTheUsersEmailWithIt() {
            String second = "second-" + UUID.randomUUID() + "@example.com";
            long id = post("email", second).json().at("/identity/id").asLong();
            Response made = api.send("PUT", identities() + "/" + id + "/make_primary", auth, null);
            assertThat(made.status()).as(made.body()).isEqualTo(200);
            conforms("UserIdentitiesResponse", made);
            assertThat(made.json().path("identities").size()).isEqualTo(2);
            for (JsonNode identity : made.json().path("identities")) {
                assertThat(identity.path("primary").asBoolean())
                        .as("primary of %s", identity.path("value"))
                        .isEqualTo(identity.path("id").asLong() == id);
            }
            assertThat(api.get("/api/v2/users/" + userId, auth)
                            .json()
                            .at("/user/email")
                            .asString())
                    .isEqualTo(second);
        }

        @Test
        void shouldRefuseAValueAnotherUserHoldsAndChangeNothing() {
            Response duplicate = post("email", OWNER_EMAIL);
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
                            + "{\"value\":[{\"description\":\"Value: " + OWNER_EMAIL
                            + " is already being used by another user\",\"error\":\"DuplicateValue\"}]}}");
            assertThat(api.get(identities(), auth).json().path("identities").size())
                    .isEqualTo(1);
        }

        @Test
        void shouldRefuseAnUnknownTypeAMissingValueAndABadEmail() {
            assertThat(post("pager", "123").status()).isEqualTo(422);
            Response noValue = api.send("POST", identities(), auth, """
                    {"identity":{"type":"email"}}""");
            assertThat(noValue.status()).isEqualTo(422);
            assertThat(noValue.json().at("/details/value/0/error").asString()).isEqualTo("BlankValue");
            Response badEmail = post("email", "not an email");
            assertThat(badEmail.status()).isEqualTo(422);
            assertThat(badEmail.json().at("/details/value/0/description").asString())
                    .contains("not an email is not a valid email address");
        }

        @Test
        void shouldNotDeleteThePrimaryEmail() {
            long primary =
                    api.get(identities(), auth).json().at("/identities/0/id").asLong();
            Response refused = api.send("DELETE", identities() + "/" + primary, auth, null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/details/base/0/description").asString())
                    .contains("make another email identity primary first");
            assertThat(api.get(identities() + "/" + primary, auth).status()).isEqualTo(200);
        }

        @Test
        void shouldLetAnAgentChangeEndUsersButNotAnotherAgent() {
            UserAccount agent = newUser(Role.AGENT);
            UserAccount otherAgent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(agent, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
            Response onEndUser = api.send("POST", identities(), agentAuth, """
                    {"identity":{"type":"phone_number","value":"+1 555 0104"}}""");
            assertThat(onEndUser.status()).as(onEndUser.body()).isEqualTo(201);
            Response onAgent =
                    api.send("POST", "/api/v2/users/" + otherAgent.id() + "/identities", agentAuth, """
                    {"identity":{"type":"email","value":"takeover-%s@example.com"}}""".formatted(
                                    UUID.randomUUID()));
            assertThat(onAgent.status()).isEqualTo(403);
            assertThat(api.get("/api/v2/users/" + otherAgent.id() + "/identities", agentAuth)
                            .json()
                            .path("identities")
                            .size())
                    .isEqualTo(1);
        }
    }

    @Nested
    class Sideloads {

        @Test
        void shouldSideloadIdentitiesOnShowAndList() {
            post("phone_number", "+1 555 0105");
            Response shown = api.get("/api/v2/users/" + userId + "?include=identities", auth);
            assertThat(shown.json().path("identities").findValuesAsString("type"))
                    .containsExactly("email", "phone_number");
            assertThat(api.get("/api/v2/users/" + userId, auth).json().has("identities"))
                    .as("no sideload unless asked")
                    .isFalse();
            Response many = api.get("/api/v2/users/show_many?ids=" + userId + "&include=identities", auth);
            assertThat(many.json().path("identities").findValuesAsString("user_id"))
                    .containsOnly(Long.toString(userId));
            Response list = api.get("/api/v2/users?include=identities&page[size]=100", auth);
            assertThat(list.status()).isEqualTo(200);
            List<Long> listed = list.json().path("users").findValues("id").stream()
                    .map(JsonNode::asLong)
                    .toList();
            assertThat(list.json().path("identities").findValues("user_id").stream()
                            .map(JsonNode::asLong)
                            .toList())
                    .isNotEmpty()
                    .allMatch(listed::contains);
        }

        @Test
        void shouldExportTheUserAgainWhenAnIdentityIsAdded() {
            clock.advance(Duration.ofHours(1));
            long start = java.time.Instant.now(clock).getEpochSecond();
            post("phone_number", "+1 555 0107");
            clock.advance(Duration.ofMinutes(2));
            Response export =
                    api.get("/api/v2/incremental/users/cursor.json?start_time=" + start + "&include=identities", auth);
            assertThat(export.status()).as(export.body()).isEqualTo(200);
            List<Long> exported = new java.util.ArrayList<>();
            export.json().path("users").forEach(u -> exported.add(u.path("id").asLong()));
            assertThat(exported).contains(userId);
            assertThat(export.json().path("identities").findValuesAsString("value"))
                    .contains(email, "+1 555 0107");
        }

        @Test
        void shouldSideloadIdentitiesOnTheUserExports() {
            post("phone_number", "+1 555 0106");
            clock.advance(Duration.ofMinutes(2));
            long start =
                    java.time.Instant.now(clock).minus(Duration.ofMinutes(10)).getEpochSecond();
            Response cursor =
                    api.get("/api/v2/incremental/users/cursor.json?start_time=" + start + "&include=identities", auth);
            assertThat(cursor.status()).as(cursor.body()).isEqualTo(200);
            assertThat(cursor.json().path("identities").findValues("user_id").stream()
                            .filter(v -> v.asLong() == userId)
                            .count())
                    .isEqualTo(2);
            assertThat(cursor.json().path("after_url").asString()).contains("include=identities");
            conforms("UserIdentitiesResponse", cursor);
            Response byTime = api.get("/api/v2/incremental/users?start_time=" + start + "&include=identities", auth);
            assertThat(byTime.status()).isEqualTo(200);
            assertThat(byTime.json().path("identities").findValuesAsString("value"))
                    .contains(email, "+1 555 0106");
            assertThat(api.get("/api/v2/incremental/users?start_time=" + start, auth)
                            .json()
                            .has("identities"))
                    .isFalse();
        }
    }
}
