package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.ChecklistFixtures.ADMIN;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.ANONYMOUS;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.BEARER_REFUSED;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.CLOUD;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.DESK;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.EMAIL;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.FakeAccount;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.NOW;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.REFUSED;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.TOKEN;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.answer;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.desk;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.export;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.greenDesk;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.json;
import static io.deskbridge.sync.diagnostics.ChecklistFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.RateLimits;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checklist's decisions over hand-written answers: no server, no Spring. */
class ChecklistTests {

    private static Map<CheckKey, Check> byKey(Checklist.Outcome outcome) {
        Map<CheckKey, Check> checks = new LinkedHashMap<>();
        outcome.checks().forEach(c -> checks.put(c.key(), c));
        assertThat(checks.keySet()).as("every step, in order").containsExactly(CheckKey.values());
        return checks;
    }

    @Nested
    class WhenEverythingWorks {

        @Test
        void shouldPassEveryCheckWithEightRequests() {
            FakeAccount account = greenDesk();
            Checklist.Outcome outcome = Checklist.run(desk(), account, NOW);

            Map<CheckKey, Check> checks = byKey(outcome);
            assertThat(checks.values())
                    .allSatisfy(c -> assertThat(c.status())
                            .as(c.key() + ": " + c.observed())
                            .isEqualTo(CheckStatus.PASS));
            assertThat(DiagnosticsReport.verdictOf(outcome.checks())).isEqualTo(CheckStatus.PASS);
            assertThat(outcome.requests()).isEqualTo(8).isEqualTo(account.asked.size());
            assertThat(outcome.authenticated()).isTrue();
            assertThat(checks.get(CheckKey.IDENTITY).observed())
                    .isEqualTo("Authenticated as Ada <admin@acme.test> (user 7).");
            assertThat(checks.get(CheckKey.RATE_LIMIT).observed())
                    .startsWith(
                            "X-Rate-Limit 700 a minute: the Enterprise plan. Incremental exports: 10 a minute (6 left). ")
                    .contains("25,000 tickets at most 10,000 a minute (10 export pages of 1,000) take at least 3 min");
            assertThat(checks.get(CheckKey.TOKEN_LIFETIME).observed())
                    .startsWith("Token 3 (\"sync\") has full access")
                    .contains("expires at 2026-12-28T10:00:00Z (in 30 days)");
            assertThat(account.asked)
                    .contains("NATURAL /api/v2/incremental/tickets/cursor.json?start_time="
                            + (NOW.getEpochSecond() - 300) + "&per_page=1");
        }
    }

    @Nested
    class WhenTheAddressIsWrong {

        @Test
        void shouldFailAnHtmlPageAsNotAZendeskApiAndSkipTheRest() {
            FakeAccount account = new FakeAccount()
                    .on(
                            AuthStyle.NONE,
                            "/api/v2/users/me",
                            answer(200, "<!DOCTYPE html><html><body>Welcome</body></html>", "text/html", null, null));
            Map<CheckKey, Check> checks = byKey(Checklist.run(desk(), account, NOW));

            assertThat(checks.get(CheckKey.REACHABLE).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(checks.get(CheckKey.REACHABLE).observed())
                    .contains("answered 200 (text/html): \"<!DOCTYPE html><html><body>Welcome</body></html>\"")
                    .contains("not a Zendesk Support API");
            assertThat(checks.get(CheckKey.AUTHENTICATION).status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(checks.get(CheckKey.STREAMS).status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(checks.get(CheckKey.RATE_LIMIT).status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(account.asked).hasSize(1);
        }

        @Test
        void shouldNameTheSubdomainWhenTheHostDoesNotResolve() {
            FakeAccount account = new FakeAccount()
                    .on(
                            AuthStyle.NONE,
                            "/api/v2/users/me",
                            Answer.none("No answer from https://acme.zendesk.com: the host name does not resolve"));
            Check reachable = byKey(
                            Checklist.run(subject(CLOUD, new ApiTokenCredential(EMAIL, TOKEN), null), account, NOW))
                    .get(CheckKey.REACHABLE);

            assertThat(reachable.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(reachable.fix()).startsWith("Check the subdomain's spelling");
        }
    }

    @Nested
    class WhenCredentialsAreMissingOrMalformed {

        @Test
        void shouldFailWithoutCredentialsAndPointAtARequestLink() {
            Map<CheckKey, Check> checks = byKey(Checklist.run(
                    subject(DESK, null, null),
                    new FakeAccount().on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS),
                    NOW));

            assertThat(checks.get(CheckKey.CREDENTIALS).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(checks.get(CheckKey.CREDENTIALS).fix()).contains("POST /api/connections/5/request-links");
            assertThat(checks.get(CheckKey.AUTHENTICATION).status()).isEqualTo(CheckStatus.SKIPPED);
        }

        @Test
        void shouldRefuseAnEmailThatAlreadyEndsInSlashToken() {
            Check credentials = byKey(Checklist.run(
                            subject(DESK, new ApiTokenCredential(EMAIL + "/token", TOKEN), null),
                            new FakeAccount().on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS),
                            NOW))
                    .get(CheckKey.CREDENTIALS);

            assertThat(credentials.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(credentials.observed()).contains("Zendesk would receive admin@acme.test/token/token");
            assertThat(credentials.fix()).contains("without /token");
        }
    }

    @Nested
    class WhenTheTokenIsRefused {

        @Test
        void shouldListEveryCauseTheSame401CanMeanOnDesk() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", REFUSED)
                    .on(AuthStyle.BEARER, "/api/v2/users/me", BEARER_REFUSED);
            Checklist.Outcome outcome = Checklist.run(desk(), account, NOW);
            Check auth = byKey(outcome).get(CheckKey.AUTHENTICATION);

            assertThat(auth.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(auth.observed())
                    .startsWith(
                            "GET /api/v2/users/me as admin@acme.test/token answered HTTP 401 Couldn't authenticate you.")
                    .contains("so it is not an OAuth access token pasted as an API token")
                    .contains("(1) API token access is switched off")
                    .contains("(4) the token is bound to its owner")
                    .contains("(5) the token was copied incompletely");
            assertThat(auth.fix())
                    .contains(Checklist.TOKEN_ACCESS_SETTING)
                    .contains(Checklist.API_TOKENS_PAGE)
                    .contains(Checklist.TEAM_MEMBERS_PAGE);
            assertThat(outcome.requests())
                    .as("the 401 and one Bearer retry, nothing more")
                    .isEqualTo(3);
            assertThat(byKey(outcome).get(CheckKey.STREAMS).status()).isEqualTo(CheckStatus.SKIPPED);
        }

        @Test
        void shouldSaySomethingChangedWhenTheSameCredentialWorkedBefore() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", REFUSED)
                    .on(AuthStyle.BEARER, "/api/v2/users/me", BEARER_REFUSED);
            Check auth = byKey(Checklist.run(
                            subject(DESK, new ApiTokenCredential(EMAIL, TOKEN), NOW.minusSeconds(600)), account, NOW))
                    .get(CheckKey.AUTHENTICATION);

            assertThat(auth.observed())
                    .contains("was accepted at 2026-11-28T09:50:30Z, so nothing was mistyped")
                    .doesNotContain("copied incompletely")
                    .doesNotContain("bound to its owner");
        }

        @Test
        void shouldLeaveOwnerBindingOutAndWarnAboutRetirementOnZendesk() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", REFUSED)
                    .on(AuthStyle.BEARER, "/api/v2/users/me", BEARER_REFUSED);
            Map<CheckKey, Check> checks =
                    byKey(Checklist.run(subject(CLOUD, new ApiTokenCredential(EMAIL, TOKEN), null), account, NOW));

            assertThat(checks.get(CheckKey.AUTHENTICATION).observed()).doesNotContain("bound to its owner");
            assertThat(checks.get(CheckKey.AUTHENTICATION).fix())
                    .contains("Zendesk issues no new API tokens since 2026-10-27");
            assertThat(checks.get(CheckKey.TOKEN_LIFETIME).status()).isEqualTo(CheckStatus.WARN);
            assertThat(checks.get(CheckKey.TOKEN_LIFETIME).observed())
                    .contains("stop working on 2027-04-30 (in 153 days)");
            assertThat(checks.get(CheckKey.TOKEN_LIFETIME).fix()).contains(Checklist.OAUTH_CLIENTS_PAGE);
        }

        @Test
        void shouldRecogniseAnOAuthTokenPastedAsAnApiToken() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", REFUSED)
                    .on(AuthStyle.BEARER, "/api/v2/users/me", ADMIN);
            Check auth = byKey(Checklist.run(desk(), account, NOW)).get(CheckKey.AUTHENTICATION);

            assertThat(auth.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(auth.observed()).contains("it is an OAuth access token, not an API token");
        }

        @Test
        void shouldFailWhenTheTokenStoppedAfterTheRetirementDate() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", REFUSED)
                    .on(AuthStyle.BEARER, "/api/v2/users/me", BEARER_REFUSED);
            Check lifetime = byKey(Checklist.run(
                            subject(CLOUD, new ApiTokenCredential(EMAIL, TOKEN), null),
                            account,
                            Instant.parse("2027-05-01T00:00:00Z")))
                    .get(CheckKey.TOKEN_LIFETIME);

            assertThat(lifetime.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(lifetime.observed()).isEqualTo("Zendesk API tokens stopped working on 2027-04-30.");
        }
    }

    @Nested
    class WhenAuthenticatedButNotUseful {

        @Test
        void shouldFailTheAnonymousAnswerAsIgnoredCredentials() {
            FakeAccount account = new FakeAccount()
                    .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", ANONYMOUS);
            Map<CheckKey, Check> checks = byKey(Checklist.run(desk(), account, NOW));

            assertThat(checks.get(CheckKey.IDENTITY).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(checks.get(CheckKey.IDENTITY).observed())
                    .isEqualTo("GET /api/v2/users/me answered 200 as the anonymous user (id null, name \"Anonymous "
                            + "user\"): the credentials were ignored.");
            assertThat(checks.get(CheckKey.USER).status()).isEqualTo(CheckStatus.SKIPPED);
        }

        @Test
        void shouldFailAnAgentAndAWrongEmailAndSkipTheExports() {
            FakeAccount first = greenDesk()
                    .on(
                            AuthStyle.NATURAL,
                            "/api/v2/users/me",
                            json(
                                    200,
                                    "{\"user\":{\"id\":8,\"name\":\"Bo\",\"email\":\"bo@acme.test\",\"role\":\"agent\"}}",
                                    700,
                                    600));
            Map<CheckKey, Check> checks = byKey(Checklist.run(desk(), first, NOW));

            Check user = checks.get(CheckKey.USER);
            assertThat(user.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(user.observed())
                    .contains("handed over with admin@acme.test but the account answered as bo@acme.test")
                    .contains("Bo is an agent, not an admin");
            assertThat(user.fix())
                    .contains("Ask an admin to create the token or change the role in Admin Center → People → Team "
                            + "members → Bo → Role: Admin.");
            assertThat(checks.get(CheckKey.STREAMS).status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(first.asked).noneMatch(a -> a.contains("/incremental/"));
        }
    }

    @Nested
    class WhenAStreamIsRefused {

        @Test
        void shouldNameTheMissingScope() {
            FakeAccount account = greenDesk();
            FakeAccount refused = new FakeAccount()
                    .on(
                            AuthStyle.NATURAL,
                            "/api/v2/incremental/users/cursor",
                            export(
                                    403,
                                    "{\"error\":\"Forbidden\",\"description\":\"You are missing the following required "
                                            + "scopes: users:read\"}",
                                    8));
            account.answers.forEach(refused.answers::putIfAbsent);
            Check streams = byKey(Checklist.run(desk(), refused, NOW)).get(CheckKey.STREAMS);

            assertThat(streams.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(streams.observed())
                    .contains("tickets (incremental/tickets/cursor.json): 200")
                    .contains(
                            "users (incremental/users/cursor.json): HTTP 403 Forbidden: You are missing the following "
                                    + "required scopes: users:read — the token lacks a scope");
            assertThat(streams.fix()).contains("with the scope users:read");
        }

        @Test
        void shouldPointAtIpRestrictionsAndThePlanForAPlainForbidden() {
            FakeAccount refused = new FakeAccount()
                    .on(
                            AuthStyle.NATURAL,
                            "/api/v2/incremental/ticket_events",
                            export(
                                    403,
                                    "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access to this "
                                            + "page. Please contact the account owner of this help desk for further help.\"}}",
                                    6));
            greenDesk().answers.forEach(refused.answers::putIfAbsent);
            Check streams = byKey(Checklist.run(desk(), refused, NOW)).get(CheckKey.STREAMS);

            assertThat(streams.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(streams.observed())
                    .contains("ticket_comments (incremental/ticket_events.json): HTTP 403 Forbidden");
            assertThat(streams.fix())
                    .contains(Checklist.IP_RESTRICTIONS_PAGE)
                    .contains("the plan does not include the ticket_comments export");
        }

        @Test
        void shouldStopProbingWhenTheExportBudgetRunsOut() {
            FakeAccount spent = new FakeAccount()
                    .on(AuthStyle.NATURAL, "/api/v2/incremental/tickets/cursor", export(200, "{\"tickets\":[]}", 0));
            greenDesk().answers.forEach(spent.answers::putIfAbsent);
            Checklist.Outcome outcome = Checklist.run(desk(), spent, NOW);
            Check streams = byKey(outcome).get(CheckKey.STREAMS);

            assertThat(streams.status()).isEqualTo(CheckStatus.WARN);
            assertThat(streams.observed()).contains("users (incremental/users/cursor.json): not probed");
            assertThat(spent.asked).filteredOn(a -> a.contains("/incremental/")).hasSize(1);
        }
    }

    @Nested
    class WhenTheBudgetIsLow {

        @Test
        void shouldWarnWithTheResetTimeAndSkipTheTicketCount() {
            FakeAccount low = new FakeAccount()
                    .on(AuthStyle.NATURAL, "/api/v2/users/me", json(200, ADMIN_BODY, 200, 15))
                    .on(
                            AuthStyle.NATURAL,
                            "/api/v2/incremental/ticket_events",
                            answer(
                                    200,
                                    "{\"ticket_events\":[]}",
                                    "application/json",
                                    new RateLimits.Window(200, 11, 30),
                                    new RateLimits.Window(10, 6, 30)));
            greenDesk().answers.forEach(low.answers::putIfAbsent);
            Check rate = byKey(Checklist.run(desk(), low, NOW)).get(CheckKey.RATE_LIMIT);

            assertThat(rate.status()).isEqualTo(CheckStatus.WARN);
            assertThat(rate.observed())
                    .startsWith("X-Rate-Limit 200 a minute: the Team plan.")
                    .contains("Left this minute: 11 of 200, under 10 %")
                    .contains("it resets in 30 s (at 10:01:00 UTC)");
            assertThat(low.asked).noneMatch(a -> a.contains("/search/count"));
        }

        @Test
        void shouldNotProbeTheStreamsWithFewerRequestsLeftThanProbes() {
            FakeAccount empty =
                    new FakeAccount().on(AuthStyle.NATURAL, "/api/v2/users/me", json(200, ADMIN_BODY, 200, 3));
            greenDesk().answers.forEach(empty.answers::putIfAbsent);
            Check streams = byKey(Checklist.run(desk(), empty, NOW)).get(CheckKey.STREAMS);

            assertThat(streams.status()).isEqualTo(CheckStatus.WARN);
            assertThat(streams.observed()).startsWith("Not probed: only 3 of 200 requests are left in this minute");
            assertThat(empty.asked).noneMatch(a -> a.contains("/incremental/"));
        }
    }

    private static final String ADMIN_BODY =
            "{\"user\":{\"id\":7,\"name\":\"Ada\",\"email\":\"admin@acme.test\",\"role\":\"admin\"}}";
}
