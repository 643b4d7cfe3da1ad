package io.deskbridge.desk.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An Admin Center session follows its user on every request: deleted, suspended or demoted, the very
 * next request with the old session is refused and changes nothing. Tokens stop with their owner.
 */
class SessionFollowsUserIntegrationTests extends DeskIntegrationTest {

    private static final String COULD_NOT_AUTHENTICATE = "{\"error\":\"Couldn't authenticate you\"}";
    private static final String PASSWORD_ACCESS_ON = "{\"settings\":{\"api\":{\"api_password_access\":true}}}";

    /** A second admin that can sign in (desk gives API-created users no password; the facade does). */
    private record Admin(UserAccount account, String password) {}

    private Admin secondAdmin() {
        String password = SecretLedger.issued("Pw-" + UUID.randomUUID());
        return new Admin(
                users.create("Second admin", "admin-" + UUID.randomUUID() + "@deskbridge.test", Role.ADMIN, password),
                password);
    }

    private DeskClient signedIn(Admin admin) {
        DeskClient browser = DeskClient.withCookies(baseUrl());
        assertThat(browser.signIn(admin.account().email(), admin.password()).header("Location"))
                .endsWith("/admin");
        assertThat(browser.get("/admin", null).status()).isEqualTo(200);
        return browser;
    }

    private Response changeUser(long id, String json) {
        return api.send("PUT", "/api/v2/users/" + id, ownerAuth(), "{\"user\":" + json + "}");
    }

    private static String csrfOfApiSession(DeskClient browser) {
        return browser.get("/api/v2/users/me", null)
                .json()
                .path("user")
                .path("authenticity_token")
                .asString();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Nested
    class AdminCenterPages {

        @Test
        void shouldEndTheSessionOfASuspendedAdminOnItsNextRequest() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);

            assertThat(changeUser(admin.account().id(), "{\"suspended\":true}").status())
                    .isEqualTo(200);

            Response next = browser.get("/admin", null);
            assertThat(next.status()).isEqualTo(302);
            assertThat(next.header("Location")).endsWith("/login?session-ended");
            Response after = browser.get("/admin", null);
            assertThat(after.status()).isEqualTo(302);
            assertThat(after.header("Location")).endsWith("/login");
            assertThat(browser.get("/login?session-ended", null).body())
                    .contains("Your session ended because your account changed");
            assertThat(auditEntries("session.ended")).last().satisfies(e -> {
                assertThat(((Number) e.get("source_id")).longValue())
                        .isEqualTo(admin.account().id());
                assertThat(e.get("change_description"))
                        .isEqualTo("Ended the Admin Center session of "
                                + admin.account().email()
                                + " (signed in as admin): the user was suspended; its last request came from"
                                + " 127.0.0.1");
            });
        }

        @Test
        void shouldRefuseASettingsFormFromTheSessionOfADeletedAdminAndChangeNothing() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);
            String csrf = DeskClient.csrfFrom(browser.get("/admin/apps-integrations/apis/configuration", null)
                    .body());
            int audited = auditEntries("account_settings.updated").size();

            assertThat(api.send("DELETE", "/api/v2/users/" + admin.account().id(), ownerAuth(), null)
                            .status())
                    .isEqualTo(200);

            // The form a live session would save: token access off.
            Response saved = browser.form(
                    "/admin/apps-integrations/apis/configuration",
                    Map.of("_csrf", csrf, "maxLifetimeDays", "365", "idleDays", "30", "retentionDays", "60"));
            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.header("Location")).endsWith("/login?session-ended");
            assertThat(policy.current().tokenAccess()).isTrue();
            assertThat(auditEntries("account_settings.updated")).hasSize(audited);
            assertThat(auditEntries("session.ended"))
                    .last()
                    .satisfies(e ->
                            assertThat((String) e.get("change_description")).contains(": the user was deleted;"));
        }

        @Test
        void shouldEndTheSessionOfADemotedAdmin() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);

            assertThat(changeUser(admin.account().id(), "{\"role\":\"agent\"}").status())
                    .isEqualTo(200);

            Response next = browser.get("/admin/apps-integrations/apis/tokens", null);
            assertThat(next.status()).isEqualTo(302);
            assertThat(next.header("Location")).endsWith("/login?session-ended");
        }

        @Test
        void shouldEndTheSessionOfAnAdminSuspendedAndReactivatedAndLetItSignInAgain() {
            Admin admin = secondAdmin();
            DeskClient oldSession = signedIn(admin);

            assertThat(changeUser(admin.account().id(), "{\"suspended\":true}").status())
                    .isEqualTo(200);
            DeskClient whileSuspended = DeskClient.withCookies(baseUrl());
            assertThat(whileSuspended
                            .signIn(admin.account().email(), admin.password())
                            .header("Location"))
                    .endsWith("/login?error");
            Response reactivated = changeUser(admin.account().id(), "{\"suspended\":false}");
            assertThat(reactivated.status()).isEqualTo(200);
            assertThat(reactivated.json().path("user").path("suspended").asBoolean())
                    .isFalse();

            // Suspending ended the session; reactivating does not bring it back.
            Response old = oldSession.get("/admin", null);
            assertThat(old.status()).isEqualTo(302);
            assertThat(old.header("Location")).endsWith("/login?session-ended");
            assertThat(auditEntries("session.ended"))
                    .last()
                    .satisfies(e -> assertThat((String) e.get("change_description"))
                            .contains(": the user's sessions were ended since this one signed in"));
            signedIn(admin);
        }

        @Test
        void shouldKeepTheSessionOfAnAdminWhoseNameChangedAndActUnderTheNewName() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);

            assertThat(changeUser(admin.account().id(), "{\"name\":\"Renamed admin\"}")
                            .status())
                    .isEqualTo(200);

            String page = browser.get("/admin/apps-integrations/apis/configuration", null)
                    .body();
            Response saved = browser.form(
                    "/admin/apps-integrations/apis/configuration",
                    Map.of(
                            "_csrf", DeskClient.csrfFrom(page),
                            "tokenAccess", "true",
                            "maxLifetimeDays", "365",
                            "idleDays", "31",
                            "retentionDays", "60"));
            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.header("Location")).doesNotContain("/login");
            assertThat(policy.current().tokenIdleDays()).isEqualTo(31);
            assertThat(auditEntries("account_settings.updated"))
                    .last()
                    .satisfies(e -> assertThat(e.get("actor_name")).isEqualTo("Renamed admin"));
        }
    }

    @Nested
    class ApiWritesWithTheSession {

        @Test
        void shouldRefuseSettingsAndTokenWritesFromTheSessionOfADemotedAdmin() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);
            String csrf = csrfOfApiSession(browser);
            assertThat(changeUser(admin.account().id(), "{\"role\":\"agent\"}").status())
                    .isEqualTo(200);
            long tokensBefore = count("api_tokens");

            Response settings = browser.send(
                    "PUT", "/api/v2/account/settings", null, PASSWORD_ACCESS_ON, Map.of("X-CSRF-Token", csrf));
            assertThat(settings.status()).isEqualTo(401);
            assertThat(settings.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
            assertThat(policy.current().passwordAccess()).isFalse();
            Response token = browser.send(
                    "POST",
                    "/api/v2/api_tokens",
                    null,
                    "{\"api_token\":{\"description\":\"after demotion\",\"authenticates_as\":\"any_user\"}}",
                    Map.of("X-CSRF-Token", csrf));
            assertThat(token.status()).isEqualTo(401);
            assertThat(count("api_tokens")).isEqualTo(tokensBefore);
            assertThat(browser.get("/api/v2/users/me", null)
                            .json()
                            .path("user")
                            .path("id")
                            .isNull())
                    .isTrue();
        }

        @Test
        void shouldRefuseASessionWriteOfASuspendedAdminWithItsCsrfToken() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);
            String csrf = csrfOfApiSession(browser);

            assertThat(changeUser(admin.account().id(), "{\"suspended\":true}").status())
                    .isEqualTo(200);

            Response refused = browser.send(
                    "PUT", "/api/v2/account/settings", null, PASSWORD_ACCESS_ON, Map.of("X-CSRF-Token", csrf));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(COULD_NOT_AUTHENTICATE);
            assertThat(policy.current().passwordAccess()).isFalse();
        }

        @Test
        void shouldRequireTheCsrfTokenWhenTheAuthorizationHeaderIsBlank() {
            Admin admin = secondAdmin();
            DeskClient browser = signedIn(admin);
            csrfOfApiSession(browser);

            Response refused = browser.send(
                    "PUT", "/api/v2/account/settings", null, PASSWORD_ACCESS_ON, Map.of("Authorization", " "));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("error").asString()).isEqualTo("InvalidCSRFToken");
            assertThat(policy.current().passwordAccess()).isFalse();
        }
    }

    @Nested
    class TokensOfAnInactiveOwner {

        @Test
        void shouldStopAnAnyUserTokenWhenItsOwnerIsSuspendedOrDeleted() {
            Admin admin = secondAdmin();
            String asTheAccountOwner = DeskClient.tokenAuth(
                    OWNER_EMAIL, issueToken(admin.account(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            assertThat(api.get("/api/v2/users/me", asTheAccountOwner).status()).isEqualTo(200);

            assertThat(changeUser(admin.account().id(), "{\"suspended\":true}").status())
                    .isEqualTo(200);
            Response suspended = api.get("/api/v2/account/settings", asTheAccountOwner);
            assertThat(suspended.status()).isEqualTo(401);
            assertThat(suspended.body()).isEqualTo(COULD_NOT_AUTHENTICATE);

            assertThat(changeUser(admin.account().id(), "{\"suspended\":false}").status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v2/account/settings", asTheAccountOwner).status())
                    .isEqualTo(200);
            assertThat(api.send("DELETE", "/api/v2/users/" + admin.account().id(), ownerAuth(), null)
                            .status())
                    .isEqualTo(200);
            Response deleted = api.send("PUT", "/api/v2/account/settings", asTheAccountOwner, PASSWORD_ACCESS_ON);
            assertThat(deleted.status()).isEqualTo(401);
            assertThat(policy.current().passwordAccess()).isFalse();
        }

        @Test
        void shouldStopAnAnyUserTokenWhenItsOwnerIsNoLongerAnAdmin() {
            Admin admin = secondAdmin();
            String asTheAccountOwner = DeskClient.tokenAuth(
                    OWNER_EMAIL, issueToken(admin.account(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            String asItself = DeskClient.tokenAuth(
                    admin.account().email(), issueToken(admin.account(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));

            assertThat(changeUser(admin.account().id(), "{\"role\":\"agent\"}").status())
                    .isEqualTo(200);

            assertThat(api.get("/api/v2/users/me", asTheAccountOwner).status()).isEqualTo(401);
            // Its own token goes on working, with the agent's powers only.
            Response me = api.get("/api/v2/users/me", asItself);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("user").path("role").asString()).isEqualTo("agent");
            assertThat(api.get("/api/v2/account/settings", asItself).status()).isEqualTo(200);
            assertThat(api.send("PUT", "/api/v2/account/settings", asItself, PASSWORD_ACCESS_ON)
                            .status())
                    .isEqualTo(403);
        }
    }
}
