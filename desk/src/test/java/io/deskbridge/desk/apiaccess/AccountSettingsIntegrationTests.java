package io.deskbridge.desk.apiaccess;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /api/v2/account/settings}, the Admin Center session on the API, and the audit log. */
class AccountSettingsIntegrationTests extends DeskIntegrationTest {

    @Nested
    class OverTheApi {

        @Test
        void shouldShowTokenAccessAsZendesksStringFlag() {
            Response response = api.get("/api/v2/account/settings", ownerAuth());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().at("/settings/api/api_token_access").isString())
                    .isTrue();
            assertThat(response.json().at("/settings/api/api_token_access").asString())
                    .isEqualTo("true");
            assertThat(response.json().at("/settings/api/api_password_access").asString())
                    .isEqualTo("false");
            assertThat(response.json()
                            .at("/settings/api/token_max_lifetime_days")
                            .asInt())
                    .isEqualTo(365);
        }

        @Test
        void shouldAcceptStringsAndBooleansAndAuditTheChange() {
            String auth = ownerAuth();
            Response response = api.send(
                    "PUT",
                    "/api/v2/account/settings",
                    auth,
                    "{\"settings\":{\"api\":{\"api_password_access\":true,\"token_idle_days\":45}}}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().at("/settings/api/api_password_access").asString())
                    .isEqualTo("true");
            assertThat(policy.current().tokenIdleDays()).isEqualTo(45);
            assertThat(auditEntries("account_settings.updated")).last().satisfies(e -> {
                assertThat(e.get("change_description"))
                        .isEqualTo("Allow password access: off → on; Deactivate tokens unused for: 30 days → 45 days");
                assertThat(e.get("actor_id")).isNotNull();
            });
        }

        @Test
        void shouldRefuseInvalidValuesAndChangeNothing() {
            String auth = ownerAuth();
            Response response = api.send(
                    "PUT", "/api/v2/account/settings", auth, "{\"settings\":{\"api\":{\"api_token_access\":\"yes\"}}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json()
                            .at("/details/api_token_access/0/description")
                            .asString())
                    .isEqualTo("Api token access: \"yes\" is not true or false");

            Response outOfRange = api.send(
                    "PUT", "/api/v2/account/settings", auth, "{\"settings\":{\"api\":{\"token_idle_days\":-1}}}");
            assertThat(outOfRange.status()).isEqualTo(422);
            assertThat(outOfRange
                            .json()
                            .at("/details/token_idle_days/0/description")
                            .asString())
                    .isEqualTo("Token idle days: -1 is outside 0 to 3650");
            assertThat(policy.current().tokenAccess()).isTrue();
            assertThat(policy.current().tokenIdleDays()).isEqualTo(30);
        }

        @Test
        void shouldListAuditEntriesInZendesksShape() {
            String auth = ownerAuth();
            api.send("PUT", "/api/v2/account/settings", auth, "{\"settings\":{\"api\":{\"token_retention_days\":90}}}");
            // Newest by id: other test classes of this shared desk move the clock ahead and leave
            // entries dated in the future, which a created_at order would list first.
            Response response = api.get("/api/v2/audit_logs?per_page=1&sort_by=id&sort_order=desc", auth);
            assertThat(response.status()).isEqualTo(200);
            var entry = response.json().path("audit_logs").get(0);
            assertThat(entry.path("action").asString()).isEqualTo("update");
            assertThat(entry.path("source_type").asString()).isEqualTo("account_setting");
            assertThat(entry.path("change_description").asString())
                    .isEqualTo("Delete deactivated tokens after: 60 days → 90 days");
            assertThat(entry.path("ip_address").asString()).isEqualTo("127.0.0.1");
            assertThat(entry.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(response.json().path("next_page").asString()).contains("page=2");
            assertThat(response.json().path("count").asLong()).isGreaterThan(1);
        }
    }

    @Nested
    class WithTheAdminCenterSession {

        @Test
        void shouldRequireTheCsrfTokenOnWrites() {
            DeskClient browser = DeskClient.withCookies(baseUrl());
            assertThat(browser.signIn(OWNER_EMAIL, OWNER_PASSWORD).header("Location"))
                    .endsWith("/admin");

            Response me = browser.get("/api/v2/users/me", null);
            assertThat(me.json().path("user").path("email").asString()).isEqualTo(OWNER_EMAIL);
            String csrf = me.json().path("user").path("authenticity_token").asString();
            assertThat(csrf).isNotBlank();

            String body = "{\"settings\":{\"api\":{\"api_password_access\":\"true\"}}}";
            Response refused = browser.send("PUT", "/api/v2/account/settings", null, body);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("error").asString()).isEqualTo("InvalidCSRFToken");
            assertThat(policy.current().passwordAccess()).isFalse();

            Response accepted =
                    browser.send("PUT", "/api/v2/account/settings", null, body, Map.of("X-CSRF-Token", csrf));
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(policy.current().passwordAccess()).isTrue();
        }

        @Test
        void shouldRefuseTheConfigurationFormWithoutCsrf() {
            DeskClient browser = DeskClient.withCookies(baseUrl());
            browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);
            Response response =
                    browser.form("/admin/apps-integrations/apis/configuration", Map.of("tokenAccess", "false"));
            assertThat(response.status()).isEqualTo(403);
            assertThat(policy.current().tokenAccess()).isTrue();
        }

        @Test
        void shouldSaveTheConfigurationFormAndAuditIt() {
            DeskClient browser = DeskClient.withCookies(baseUrl());
            browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);
            String page = browser.get("/admin/apps-integrations/apis/configuration", null)
                    .body();
            Response saved = browser.form(
                    "/admin/apps-integrations/apis/configuration",
                    Map.of(
                            "_csrf", DeskClient.csrfFrom(page),
                            "maxLifetimeDays", "365",
                            "idleDays", "30",
                            "retentionDays", "60"));
            assertThat(saved.status()).isEqualTo(302);
            assertThat(policy.current().tokenAccess()).isFalse();
            assertThat(auditEntries("account_settings.updated"))
                    .last()
                    .satisfies(
                            e -> assertThat(e.get("change_description")).isEqualTo("Allow API token access: on → off"));
        }

        @Test
        void shouldShowAgentsA403InTheAdminCenter() {
            var agent = newUser(io.deskbridge.desk.user.Role.AGENT);
            String password = io.deskbridge.desk.support.SecretLedger.issued("Agent-Pw-" + agent.id());
            var second = users.create("Agent", "signin-" + agent.email(), io.deskbridge.desk.user.Role.AGENT, password);
            DeskClient browser = DeskClient.withCookies(baseUrl());
            browser.signIn(second.email(), password);
            assertThat(browser.get("/admin/apps-integrations/apis/tokens", null).status())
                    .isEqualTo(403);
            assertThat(browser.get("/admin", null).status()).isEqualTo(403);
        }
    }
}
