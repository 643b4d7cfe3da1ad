package io.deskbridge.desk.ratelimit;

import static io.deskbridge.desk.ratelimit.RateLimitTesting.EXPORT_PATH;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.SECONDS_LEFT;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.exports;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.remaining;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.startFreshWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The headers and the plan setting (API and Admin Center). Its own desk with enforcement on, so that
 * nothing here depends on how the shared test desk is configured; no test here spends a budget.
 */
@TestPropertySource(properties = {"desk.rate-limit.enforce=true", "desk.rate-limit.redis-key-prefix=rate-limit-it:"})
class RateLimitIntegrationTests extends DeskIntegrationTest {

    private static final String PLAN = "/api/v2/account/plan";

    @Autowired
    ApiLimits limits;

    @BeforeEach
    void enterprise() {
        limits.update(Actor.system(), new PlanUpdate(Plan.ENTERPRISE, false, false));
    }

    @Nested
    class Headers {

        @Test
        void shouldReportTheAccountBudgetInZendesksHeaders() {
            String auth = ownerAuth();
            startFreshWindow(clock);
            Response first = api.get("/api/v2/users/me", auth);
            Response second = api.get("/api/v2/users/me", auth);
            for (Response r : List.of(first, second)) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-Rate-Limit")).isEqualTo("700");
                assertThat(r.header("ratelimit-limit")).isEqualTo("700");
                assertThat(r.header("ratelimit-remaining")).isEqualTo(r.header("X-Rate-Limit-Remaining"));
                assertThat(r.header("ratelimit-reset")).isEqualTo(Long.toString(SECONDS_LEFT));
                assertThat(r.header("zendesk-ratelimit-incremental-exports")).isNull();
            }
            assertThat(remaining(first)).isEqualTo(699L);
            assertThat(remaining(second)).isEqualTo(698L);
        }

        @Test
        void shouldReportWithoutSpendingOnRequestsRefusedByAuthentication() {
            String auth = ownerAuth();
            startFreshWindow(clock);
            Response before = api.get("/api/v2/users/me", auth);
            assertThat(remaining(before)).isEqualTo(699L);

            Response anonymous = api.get("/api/v2/tickets", null);
            Response wrongToken = api.get("/api/v2/tickets", DeskClient.tokenAuth(OWNER_EMAIL, "not-a-token"));
            Response agentOnAdminApi = api.get(PLAN, agentAuth());
            assertThat(List.of(anonymous.status(), wrongToken.status(), agentOnAdminApi.status()))
                    .containsExactly(401, 401, 403);
            for (Response refused : List.of(anonymous, wrongToken, agentOnAdminApi)) {
                assertThat(refused.header("X-Rate-Limit")).isEqualTo("700");
                assertThat(remaining(refused)).isEqualTo(remaining(before));
                assertThat(refused.header("ratelimit-reset")).isEqualTo(Long.toString(SECONDS_LEFT));
            }

            Response after = api.get("/api/v2/users/me", auth);
            assertThat(remaining(after)).isEqualTo(remaining(before) - 1);
        }

        @Test
        void shouldReportTheExportBudgetOnIncrementalExports() {
            String auth = ownerAuth();
            startFreshWindow(clock);
            Response first = api.get(EXPORT_PATH, auth);
            Response second = api.get(EXPORT_PATH, auth);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("zendesk-ratelimit-incremental-exports"))
                    .isEqualTo("total=10; remaining=9; resets=" + SECONDS_LEFT);
            assertThat(second.header("zendesk-ratelimit-incremental-exports"))
                    .isEqualTo("total=10; remaining=8; resets=" + SECONDS_LEFT);
            // Exports spend the account's budget too.
            assertThat(second.header("X-Rate-Limit")).isEqualTo("700");
            assertThat(remaining(first)).isEqualTo(699L);
            assertThat(remaining(second)).isEqualTo(698L);
        }
    }

    @Nested
    class OverTheApi {

        @Test
        void shouldShowThePlanWithItsLimits() {
            Response response = api.get(PLAN, ownerAuth());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body())
                    .isEqualTo("{\"plan\":{\"name\":\"enterprise\",\"high_volume\":false,\"sandbox\":false,"
                            + "\"requests_per_minute\":700,\"incremental_exports_per_minute\":10}}");
        }

        @Test
        void shouldChangeThePlanForTheNextRequestAndAuditIt() {
            String auth = ownerAuth();
            Response response = api.send("PUT", PLAN, auth, "{\"plan\":{\"name\":\"team\"}}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().at("/plan/name").asString()).isEqualTo("team");
            assertThat(response.json().at("/plan/requests_per_minute").asInt()).isEqualTo(200);
            assertThat(response.json()
                            .at("/plan/incremental_exports_per_minute")
                            .asInt())
                    .isEqualTo(10);

            assertThat(api.get("/api/v2/users/me", auth).header("X-Rate-Limit")).isEqualTo("200");
            assertThat(auditEntries("account_plan.updated")).last().satisfies(e -> {
                assertThat(e.get("change_description"))
                        .isEqualTo("Plan: Enterprise → Team; Requests per minute: 700 → 200");
                assertThat(e.get("source_label")).isEqualTo("Plan and API limits");
                assertThat(e.get("actor_id")).isEqualTo(owner().id());
            });
        }

        @Test
        void shouldGiveTheHighVolumeAddOn2500RequestsAnd30Exports() {
            String auth = ownerAuth();
            Response response = api.send("PUT", PLAN, auth, "{\"plan\":{\"name\":\"growth\",\"high_volume\":true}}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().at("/plan/requests_per_minute").asInt()).isEqualTo(2500);
            assertThat(response.json()
                            .at("/plan/incremental_exports_per_minute")
                            .asInt())
                    .isEqualTo(30);
            assertThat(limits.current()).isEqualTo(new PlanLimits("growth", true, false, 2500, 30));

            Response export = api.get(EXPORT_PATH, auth);
            assertThat(export.header("X-Rate-Limit")).isEqualTo("2500");
            assertThat(exports(export)[0]).isEqualTo(30);
        }

        @Test
        void shouldRefuseTheHighVolumeAddOnOnTeamAndChangeNothing() {
            Response response =
                    api.send("PUT", PLAN, ownerAuth(), "{\"plan\":{\"name\":\"team\",\"high_volume\":true}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().path("error").asString()).isEqualTo("RecordInvalid");
            assertThat(response.json().at("/details/high_volume/0/description").asString())
                    .isEqualTo("High volume: the High Volume API add-on needs the Growth plan or above, not Team");
            assertThat(limits.current().plan()).isEqualTo("enterprise");
        }

        @Test
        void shouldRefuseAnUnknownPlanOrAFlagThatIsNotABoolean() {
            String auth = ownerAuth();
            Response unknown = api.send("PUT", PLAN, auth, "{\"plan\":{\"name\":\"gold\"}}");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().at("/details/name/0/description").asString())
                    .isEqualTo("Name: \"gold\" is not one of team, growth, professional, enterprise, enterprise_plus");

            Response notBoolean = api.send("PUT", PLAN, auth, "{\"plan\":{\"sandbox\":\"sometimes\"}}");
            assertThat(notBoolean.status()).isEqualTo(422);
            assertThat(notBoolean.json().at("/details/sandbox/0/description").asString())
                    .isEqualTo("Sandbox: must be true or false, not a string");
            assertThat(limits.current()).isEqualTo(Plan.ENTERPRISE.limits(false, false));
        }

        @Test
        void shouldRefuseAgents() {
            String agent = agentAuth();
            assertThat(api.get(PLAN, agent).status()).isEqualTo(403);
            assertThat(api.send("PUT", PLAN, agent, "{\"plan\":{\"sandbox\":true}}")
                            .status())
                    .isEqualTo(403);
            assertThat(limits.current().sandbox()).isFalse();
        }

        @Test
        void shouldRelaxExportFreshnessWithTheSandboxClock() {
            Response response = api.send("PUT", PLAN, ownerAuth(), "{\"plan\":{\"sandbox\":true}}");
            assertThat(response.json().at("/plan/sandbox").asBoolean()).isTrue();
            assertThat(limits.current().sandbox()).isTrue();
            assertThat(limits.current().exportFreshnessSeconds())
                    .isEqualTo(PlanLimits.EXPORT_FRESHNESS_SANDBOX_SECONDS);
            assertThat(auditEntries("account_plan.updated"))
                    .last()
                    .satisfies(e -> assertThat(e.get("change_description")).isEqualTo("Sandbox clock: off → on"));
        }
    }

    @Nested
    class InTheAdminCenter {

        private static final String PAGE = "/admin/account/plan";

        @Test
        void shouldLabelTheSandboxClockAndWarnThatItIsNotForProduction() {
            DeskClient browser = signedIn();
            Response page = browser.get(PAGE, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Sandbox clock (for connector test suites)")
                    .contains("Not for production.")
                    .contains(
                            "<option value=\"enterprise\" selected=\"selected\">Enterprise — 700 requests per minute</option>")
                    .contains("<dd id=\"requests-per-minute\">700</dd>")
                    .contains("<dd id=\"exports-per-minute\">10</dd>")
                    .contains("this instance&#39;s memory")
                    .doesNotContain("sandbox-on-warning");
        }

        @Test
        void shouldSaveTheFormAndAuditIt() {
            DeskClient browser = signedIn();
            String page = browser.get(PAGE, null).body();
            Response saved =
                    browser.form(PAGE, Map.of("_csrf", DeskClient.csrfFrom(page), "plan", "team", "sandbox", "true"));
            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.header("Location")).endsWith(PAGE);
            assertThat(limits.current()).isEqualTo(new PlanLimits("team", false, true, 200, 10));
            assertThat(auditEntries("account_plan.updated"))
                    .last()
                    .satisfies(
                            e -> assertThat(e.get("change_description"))
                                    .isEqualTo(
                                            "Plan: Enterprise → Team; Sandbox clock: off → on; Requests per minute: 700 → 200"));

            Response after = browser.get(PAGE, null);
            assertThat(after.body())
                    .contains("id=\"sandbox-on-warning\"")
                    .contains("The sandbox clock is on.")
                    .contains("<dd id=\"requests-per-minute\">200</dd>");
        }

        @Test
        void shouldShowTheRuleThatBrokeAndChangeNothing() {
            DeskClient browser = signedIn();
            String page = browser.get(PAGE, null).body();
            Response refused = browser.form(
                    PAGE, Map.of("_csrf", DeskClient.csrfFrom(page), "plan", "team", "highVolume", "true"));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body())
                    .contains("High volume: the High Volume API add-on needs the Growth plan or above, not Team");
            assertThat(limits.current().plan()).isEqualTo("enterprise");
        }

        @Test
        void shouldRefuseTheFormWithoutCsrf() {
            DeskClient browser = signedIn();
            Response refused = browser.form(PAGE, Map.of("plan", "team"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(limits.current().plan()).isEqualTo("enterprise");
        }

        private DeskClient signedIn() {
            DeskClient browser = DeskClient.withCookies(baseUrl());
            assertThat(browser.signIn(OWNER_EMAIL, OWNER_PASSWORD).header("Location"))
                    .endsWith("/admin");
            return browser;
        }
    }

    private String agentAuth() {
        UserAccount agent = newUser(Role.AGENT);
        return DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
    }
}
