package io.deskbridge.desk.apiauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zendesk's authentication semantics on {@code /api/v2}, plus desk's binding and scopes. */
class ApiAuthenticationIntegrationTests extends DeskIntegrationTest {

    static final String COULD_NOT_AUTHENTICATE = "{\"error\":\"Couldn't authenticate you\"}";
    /** A read the role may not make (see ZendeskErrors.resourceRestricted: what tap-zendesk recognises). */
    static final String RESTRICTED =
            "{\"error\":{\"title\":\"Forbidden\",\"message\":\"Access to this resource is restricted. Please contact the account administrator for assistance.\"}}";

    static final String FORBIDDEN =
            "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access to this page. Please contact the account owner of this help desk for further help.\"}}";
    static final String MISSING_WRITE_SCOPE =
            "{\"error\":\"Forbidden\",\"description\":\"You are missing the following required scopes: write\"}";

    @Nested
    class WithoutCredentials {

        @Test
        void shouldAnswerUsersMeWithTheAnonymousUser() {
            Response response = api.get("/api/v2/users/me", null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("user").path("id").isNull()).isTrue();
            assertThat(response.json().path("user").path("name").asString()).isEqualTo("Anonymous user");
            assertThat(response.json().path("user").path("role").asString()).isEqualTo("end-user");
        }

        @Test
        void shouldRefuseEveryOtherEndpointWith401() {
            Response response = api.get("/api/v2/api_tokens", null);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
        }

        @Test
        void shouldAcceptTheJsonSuffix() {
            assertThat(api.get("/api/v2/users/me.json", null).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/api_tokens.json", ownerAuth()).status()).isEqualTo(200);
        }

        @Test
        void shouldAnswerAnUnknownEndpointWithAJson404() {
            Response response = api.get("/api/v2/no_such_thing", ownerAuth());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}");
        }
    }

    @Nested
    class WithAToken {

        @Test
        void shouldRunTheRequestAsTheOwner() {
            Response response = api.get("/api/v2/users/me", ownerAuth());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("user").path("id").asLong()).isEqualTo(owner().id());
            assertThat(response.json().path("user").path("role").asString()).isEqualTo("admin");
            assertThat(response.json().path("user").has("authenticity_token")).isFalse();
        }

        @Test
        void shouldMatchTheEmailCaseInsensitively() {
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
            assertThat(api.get("/api/v2/users/me", DeskClient.tokenAuth(OWNER_EMAIL.toUpperCase(), token))
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void shouldRefuseAWrongTokenOnUsersMeWith401() {
            Response response = api.get("/api/v2/users/me", DeskClient.tokenAuth(OWNER_EMAIL, TokenFormat.generate()));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
        }

        @Test
        void shouldRefuseEveryTokenWhenTokenAccessIsOff() {
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
            assertThat(api.get("/api/v2/users/me", DeskClient.tokenAuth(OWNER_EMAIL, token))
                            .status())
                    .isEqualTo(200);
            setAccess(false, false);
            Response response = api.get("/api/v2/users/me", DeskClient.tokenAuth(OWNER_EMAIL, token));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
            setAccess(true, false);
            assertThat(api.get("/api/v2/users/me", DeskClient.tokenAuth(OWNER_EMAIL, token))
                            .status())
                    .isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Basic !!!not-base64!!!",
                    "Basic ",
                    "Token abc",
                    "Digest username=x",
                })
        void shouldRefuseMalformedHeadersWith401(String header) {
            Response response = api.get("/api/v2/users/me", header);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
        }

        @Test
        void shouldRefuseCredentialsWithoutAColon() {
            String header =
                    "Basic " + Base64.getEncoder().encodeToString("owner/token".getBytes(StandardCharsets.UTF_8));
            assertThat(api.get("/api/v2/users/me", header).body()).isEqualTo(COULD_NOT_AUTHENTICATE);
        }

        @Test
        void shouldRefuseATokenSentWithoutTheTokenSuffix() {
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
            Response response = api.get("/api/v2/users/me", DeskClient.passwordAuth(OWNER_EMAIL, token));
            assertThat(response.status()).isEqualTo(401);
        }

        @Test
        void shouldAnswerABearerTokenWithTheOauthErrorBody() {
            Response response = api.get("/api/v2/users/me", "Bearer " + TokenFormat.generate());
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body())
                    .isEqualTo(
                            "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is expired, "
                                    + "revoked, malformed or invalid for other reasons.\"}");
        }
    }

    @Nested
    class OwnerBinding {

        @Test
        void shouldRefuseAnOwnerBoundTokenNamingAnotherAdmin() {
            UserAccount otherAdmin = newUser(Role.ADMIN);
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
            Response response = api.get("/api/v2/users/me", DeskClient.tokenAuth(otherAdmin.email(), token));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
        }

        @Test
        void shouldLetALegacyTokenActAsTheUserNamed() {
            UserAccount agent = newUser(Role.AGENT);
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER);
            Response response = api.get("/api/v2/users/me", DeskClient.tokenAuth(agent.email(), token));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("user").path("id").asLong()).isEqualTo(agent.id());
            assertThat(response.json().path("user").path("role").asString()).isEqualTo("agent");
        }

        @Test
        void shouldRefuseAnUnknownEmail() {
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER);
            assertThat(api.get("/api/v2/users/me", DeskClient.tokenAuth("nobody@deskbridge.test", token))
                            .status())
                    .isEqualTo(401);
        }

        @Test
        void shouldRefuseADeactivatedOrSuspendedUser() {
            UserAccount agent = newUser(Role.AGENT);
            String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER);
            String auth = DeskClient.tokenAuth(agent.email(), token);
            assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(200);

            users.setFlags(agent.id(), true, true);
            assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(401);
            users.setFlags(agent.id(), false, false);
            assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(401);
            users.setFlags(agent.id(), true, false);
            assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(200);
        }
    }

    @Nested
    class ScopesAndRoles {

        @Test
        void shouldLetAReadOnlyTokenReadButNotWrite() {
            String auth = DeskClient.tokenAuth(
                    OWNER_EMAIL, issueToken(owner(), TokenScope.READ_ONLY, AuthenticatesAs.OWNER_ONLY));
            long before = jdbc.sql("SELECT COUNT(*) FROM api_tokens")
                    .query(Long.class)
                    .single();

            assertThat(api.get("/api/v2/api_tokens", auth).status()).isEqualTo(200);
            Response write = api.send("POST", "/api/v2/api_tokens", auth, "{\"api_token\":{\"description\":\"x\"}}");
            assertThat(write.status()).isEqualTo(403);
            assertThat(write.body()).isEqualTo(MISSING_WRITE_SCOPE);
            Response settings = api.send(
                    "PUT",
                    "/api/v2/account/settings",
                    auth,
                    "{\"settings\":{\"api\":{\"api_token_access\":\"false\"}}}");
            assertThat(settings.status()).isEqualTo(403);
            assertThat(policy.current().tokenAccess()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens")
                            .query(Long.class)
                            .single())
                    .isEqualTo(before);
        }

        @Test
        void shouldForbidAgentsTheAdminEndpointsButLetThemReadSettings() {
            UserAccount agent = newUser(Role.AGENT);
            String auth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));

            Response list = api.get("/api/v2/api_tokens", auth);
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.body()).isEqualTo(RESTRICTED);
            assertThat(api.get("/api/v2/audit_logs", auth).status()).isEqualTo(403);
            assertThat(api.get("/api/v2/account/settings", auth).status()).isEqualTo(200);
            assertThat(api.send("PUT", "/api/v2/account/settings", auth, "{\"settings\":{\"api\":{}}}")
                            .body())
                    .isEqualTo(FORBIDDEN);
        }

        @Test
        void shouldForbidEndUsersTheSettings() {
            UserAccount endUser = newUser(Role.END_USER);
            String auth = DeskClient.tokenAuth(
                    endUser.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            assertThat(api.get("/api/v2/account/settings", auth).status()).isEqualTo(403);
            assertThat(api.get("/api/v2/users/me", auth)
                            .json()
                            .path("user")
                            .path("role")
                            .asString())
                    .isEqualTo("end-user");
        }
    }

    @Nested
    class WithAPassword {

        @Test
        void shouldRefusePasswordsWhilePasswordAccessIsOff() {
            setAccess(true, false);
            assertThat(api.get("/api/v2/users/me", DeskClient.passwordAuth(OWNER_EMAIL, OWNER_PASSWORD))
                            .status())
                    .isEqualTo(401);
        }

        @Test
        void shouldAcceptTheRightPasswordWhenPasswordAccessIsOn() {
            setAccess(true, true);
            Response ok = api.get("/api/v2/users/me", DeskClient.passwordAuth(OWNER_EMAIL, OWNER_PASSWORD));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().path("user").path("email").asString()).isEqualTo(OWNER_EMAIL);
            assertThat(api.get("/api/v2/users/me", DeskClient.passwordAuth(OWNER_EMAIL, OWNER_PASSWORD + "x"))
                            .status())
                    .isEqualTo(401);
        }
    }
}
