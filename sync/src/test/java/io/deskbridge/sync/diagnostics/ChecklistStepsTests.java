package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.ChecklistFixtures.ADMIN;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.ANONYMOUS;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.CLOUD;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.DESK;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.EMAIL;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.NOW;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.TOKEN;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.desk;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.greenDesk;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.json;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.diagnostics.ChecklistFixtures.FakeAccount;
import io.deskbridge.sync.zendesk.AuthStyle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each check of the checklist on its own, over a run prepared with the checks before it. */
class ChecklistStepsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChecklistRun run(Subject subject, FakeAccount account, Check... before) {
        ChecklistRun run = new ChecklistRun(subject, account, NOW);
        for (Check check : before) {
            run.add(check);
        }
        return run;
    }

    private static ChecklistRun authenticatedAs(String userJson, FakeAccount account) {
        ChecklistRun run = run(desk(), account, passed(CheckKey.AUTHENTICATION), passed(CheckKey.IDENTITY));
        run.user(JSON.readTree(userJson));
        return run;
    }

    private static Check passed(CheckKey key) {
        return Check.pass(key, "passed in the test");
    }

    @Nested
    class Composition {

        /** A step that records that it ran. */
        private record Recording(CheckKey key, List<CheckKey> requires, CheckStatus status, List<CheckKey> ran)
                implements ChecklistStep {

            @Override
            public String blocks() {
                return key.wireName() + " is " + status.wireName();
            }

            @Override
            public Check check(ChecklistRun run) {
                ran.add(key);
                return Check.of(key, status, "ran", null);
            }
        }

        @Test
        void shouldRunTheStepsInOrderAndSkipOneWhoseRequirementDidNotPass() {
            List<CheckKey> ran = new ArrayList<>();
            List<ChecklistStep> steps = List.of(
                    new Recording(CheckKey.ADDRESS, List.of(), CheckStatus.PASS, ran),
                    new Recording(CheckKey.REACHABLE, List.of(), CheckStatus.FAIL, ran),
                    new Recording(CheckKey.CREDENTIALS, List.of(), CheckStatus.WARN, ran),
                    new Recording(CheckKey.AUTHENTICATION, List.of(CheckKey.ADDRESS), CheckStatus.PASS, ran),
                    new Recording(
                            CheckKey.IDENTITY,
                            List.of(CheckKey.REACHABLE, CheckKey.CREDENTIALS),
                            CheckStatus.PASS,
                            ran),
                    new Recording(CheckKey.USER, List.of(CheckKey.CREDENTIALS), CheckStatus.PASS, ran));

            Checklist.Outcome outcome = Checklist.run(steps, desk(), new FakeAccount(), NOW);

            assertThat(ran)
                    .containsExactly(
                            CheckKey.ADDRESS, CheckKey.REACHABLE, CheckKey.CREDENTIALS, CheckKey.AUTHENTICATION);
            assertThat(outcome.checks().get(4)).isEqualTo(Check.skipped(CheckKey.IDENTITY, "reachable is fail"));
            assertThat(outcome.checks().get(5)).isEqualTo(Check.skipped(CheckKey.USER, "credentials is warn"));
            assertThat(outcome.requests()).isZero();
            assertThat(outcome.authenticated()).isFalse();
        }

        @Test
        void shouldComposeOneStepPerCheckInTheKeysOrder() {
            assertThat(Checklist.STEPS.stream().map(ChecklistStep::key)).containsExactly(CheckKey.values());
        }
    }

    @Nested
    class Address {

        @Test
        void shouldNameTheZendeskAccount() {
            Check check = new AddressCheck().check(run(subject(CLOUD, null, null), new FakeAccount()));

            assertThat(check)
                    .isEqualTo(Check.pass(CheckKey.ADDRESS, "https://acme.zendesk.com: the Zendesk account acme."));
        }

        @Test
        void shouldSayWhyPlainHttpIsAllowedForALocalDesk() {
            Check check = new AddressCheck().check(run(desk(), new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.PASS);
            assertThat(check.observed())
                    .startsWith("http://127.0.0.1:8080: a Zendesk-compatible server")
                    .endsWith("; plain HTTP, allowed because the server is on this machine.");
        }
    }

    @Nested
    class Reachable {

        @Test
        void shouldPassTheAnonymousUserWithRateLimitHeaders() {
            FakeAccount account = new FakeAccount().on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS);

            Check check = new ReachableCheck().check(run(desk(), account));

            assertThat(check.status()).isEqualTo(CheckStatus.PASS);
            assertThat(check.observed())
                    .isEqualTo("GET /api/v2/users/me without credentials answered 200 (application/json) with the "
                            + "anonymous user, with X-Rate-Limit headers: a Zendesk Support API.");
            assertThat(account.asked).containsExactly("NONE /api/v2/users/me.json");
        }

        @Test
        void shouldSayNothingListensWhenTheConnectionIsRefused() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", Answer.none("Connection to 127.0.0.1:8080 refused"));

            Check check = new ReachableCheck().check(run(desk(), account));

            assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.fix()).startsWith("Nothing listens on 127.0.0.1:8080: start the server");
        }
    }

    @Nested
    class Credentials {

        @Test
        void shouldPointAtARequestLinkWithoutCredentials() {
            Check check = new CredentialsCheck().check(run(subject(DESK, null, null), new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.fix()).contains("POST /api/connections/5/request-links");
        }

        @Test
        void shouldPassAnOAuthTokenAndSayWhetherItRefreshes() {
            Check check = new CredentialsCheck()
                    .check(run(
                            subject(CLOUD, new OAuthCredential("access", "refresh", NOW.plusSeconds(60)), null),
                            new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.PASS);
            assertThat(check.observed()).startsWith("An OAuth access token with a refresh token.");
        }
    }

    @Nested
    class Authentication {

        @Test
        void shouldPassAndKeepTheUserForTheChecksAfter() {
            FakeAccount account = new FakeAccount().on(AuthStyle.NATURAL, "/api/v2/users/me", ADMIN);
            ChecklistRun run = run(desk(), account);

            Check check = new AuthenticationCheck().check(run);

            assertThat(check.status()).isEqualTo(CheckStatus.PASS);
            assertThat(run.user().path("name").asString()).isEqualTo("Ada");
            assertThat(run.requests()).isEqualTo(1);
        }

        @Test
        void shouldBlameAnIpRestrictionForA403() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", json(403, "{\"error\":\"Forbidden\"}", 700, 600));
            ChecklistRun run = run(desk(), account);

            Check check = new AuthenticationCheck().check(run);

            assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.fix()).contains(Checklist.IP_RESTRICTIONS_PAGE);
            assertThat(run.user()).isNull();
        }
    }

    @Nested
    class Identity {

        @Test
        void shouldFailTheAnonymousUserAsIgnoredCredentials() {
            Check check = new IdentityCheck()
                    .check(authenticatedAs("{\"id\":null,\"name\":\"Anonymous user\"}", new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.observed())
                    .isEqualTo("GET /api/v2/users/me answered 200 as the anonymous user (id null, name "
                            + "\"Anonymous user\"): the credentials were ignored.");
        }

        @Test
        void shouldNameTheUser() {
            Check check = new IdentityCheck()
                    .check(authenticatedAs(
                            "{\"id\":7,\"name\":\"Ada\",\"email\":\"admin@acme.test\"}", new FakeAccount()));

            assertThat(check)
                    .isEqualTo(Check.pass(CheckKey.IDENTITY, "Authenticated as Ada <admin@acme.test> (user 7)."));
        }
    }

    @Nested
    class User {

        @Test
        void shouldFailAnAgentBecauseExportsNeedAnAdmin() {
            Check check = new UserCheck()
                    .check(authenticatedAs(
                            "{\"id\":8,\"name\":\"Bo\",\"email\":\"" + EMAIL + "\",\"role\":\"agent\"}",
                            new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.observed())
                    .isEqualTo("Bo is an agent, not an admin: incremental exports (every stream "
                            + "sync reads) and audit logs need an admin.");
        }

        @Test
        void shouldPassAnActiveAdminWithTheEmailHandedOver() {
            Check check = new UserCheck()
                    .check(authenticatedAs(
                            "{\"id\":7,\"name\":\"Ada\",\"email\":\"" + EMAIL + "\",\"role\":\"admin\"}",
                            new FakeAccount()));

            assertThat(check)
                    .isEqualTo(Check.pass(
                            CheckKey.USER, "Ada is an admin: incremental exports and audit logs are allowed."));
        }
    }

    @Nested
    class Streams {

        @Test
        void shouldSkipForAUserWhoIsNotAnAdmin() {
            FakeAccount account = new FakeAccount();
            Check check = new StreamsCheck().check(authenticatedAs("{\"id\":8,\"role\":\"agent\"}", account));

            assertThat(check)
                    .isEqualTo(Check.skipped(
                            CheckKey.STREAMS,
                            "incremental exports are for admins only, and this user is an agent (see user)"));
            assertThat(account.asked).isEmpty();
        }

        @Test
        void shouldProbeEachExportOnceAndRememberTheExportWindow() {
            FakeAccount account = greenDesk();
            ChecklistRun run = authenticatedAs("{\"id\":7,\"role\":\"admin\"}", account);

            Check check = new StreamsCheck().check(run);

            assertThat(check.status()).isEqualTo(CheckStatus.PASS);
            assertThat(account.asked).hasSize(4).allMatch(path -> path.contains("per_page=1"));
            assertThat(run.exports().remaining()).isEqualTo(6);
        }

        @Test
        void shouldNotProbeWithFewerRequestsLeftThanProbes() {
            FakeAccount account =
                    new FakeAccount().on(AuthStyle.NATURAL, "/api/v2/users/me", json(200, "{\"user\":{}}", 700, 4));
            ChecklistRun run = authenticatedAs("{\"id\":7,\"role\":\"admin\"}", account);
            run.get(AuthStyle.NATURAL, "/api/v2/users/me.json");

            Check check = new StreamsCheck().check(run);

            assertThat(check.status()).isEqualTo(CheckStatus.WARN);
            assertThat(check.observed()).startsWith("Not probed: only 4 of 700 requests are left in this minute");
            assertThat(account.asked).hasSize(1);
        }
    }

    @Nested
    class RateLimit {

        @Test
        void shouldSkipWhenNothingWasAsked() {
            Check check = new RateLimitCheck().check(run(desk(), new FakeAccount()));

            assertThat(check)
                    .isEqualTo(Check.skipped(
                            CheckKey.RATE_LIMIT, "no answer from a Zendesk Support API to read the limits from"));
        }

        @Test
        void shouldNameThePlanAndLeaveTheEstimateOutWhenNotAuthenticated() {
            FakeAccount account = new FakeAccount().on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS);
            ChecklistRun run = run(desk(), account, passed(CheckKey.REACHABLE));
            run.get(AuthStyle.NONE, "/api/v2/users/me.json");

            Check check = new RateLimitCheck().check(run);

            assertThat(check)
                    .isEqualTo(Check.pass(
                            CheckKey.RATE_LIMIT,
                            "X-Rate-Limit 700 a minute: the Enterprise plan. Left this minute: 650 of 700. Requests "
                                    + "sent so far by this test: 1."));
            assertThat(account.asked).hasSize(1);
        }

        @Test
        void shouldEstimateTheBackfillFromTheTicketCountWhenAuthenticated() {
            FakeAccount account = greenDesk();
            ChecklistRun run = authenticatedAs("{\"id\":7,\"role\":\"admin\"}", account);
            run.exports(new io.deskbridge.sync.zendesk.RateLimits.Window(10, 6, 30));
            run.get(AuthStyle.NATURAL, "/api/v2/users/me.json");

            Check check = new RateLimitCheck().check(run);

            assertThat(check.observed())
                    .contains("Backfill estimate: 25,000 tickets at most 10,000 a minute")
                    .contains("Left this minute: 640 of 700")
                    .endsWith("Requests sent so far by this test: 2.");
        }
    }

    @Nested
    class TokenLifetime {

        @Test
        void shouldWarnAboutZendesksTokenRetirement() {
            Check check = new TokenLifetimeCheck()
                    .check(run(subject(CLOUD, new ApiTokenCredential(EMAIL, TOKEN), null), new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.WARN);
            assertThat(check.observed()).startsWith("Zendesk retires API tokens: they stop working on 2027-04-30");
        }

        @Test
        void shouldFailAnExpiredOAuthTokenWithoutARefreshToken() {
            Check check = new TokenLifetimeCheck()
                    .check(run(
                            subject(CLOUD, new OAuthCredential("access", null, NOW.minusSeconds(1)), null),
                            new FakeAccount()));

            assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check.observed())
                    .isEqualTo("The OAuth access token expired at " + NOW.minusSeconds(1) + " and there is no refresh "
                            + "token.");
        }

        @Test
        void shouldReadTheTokensExpiryFromTheListForAnAdmin() {
            FakeAccount account = greenDesk();
            Check check = new TokenLifetimeCheck().check(authenticatedAs("{\"id\":7,\"role\":\"admin\"}", account));

            assertThat(check.status()).isEqualTo(CheckStatus.PASS);
            assertThat(check.observed())
                    .startsWith("Token 3 (\"sync\") has full access (sync only reads: a read-only token would do); it "
                            + "expires at 2026-12-28T10:00:00Z (in 30 days).");
            assertThat(account.asked).containsExactly("NATURAL /api/v2/api_tokens.json");
        }
    }
}
