package io.deskbridge.desk.ratelimit;

import static io.deskbridge.desk.ratelimit.RateLimitTesting.EXPORT_PATH;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.SECONDS_LEFT;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.exports;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.remaining;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.startFreshWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * 429s at the limit. Its own desk (the budgets here are spent on purpose); each test spends a
 * different budget (Team's 200 requests; Enterprise's 700 and the 10 exports), so their order does
 * not matter.
 */
// Closed after the class: nothing else uses this configuration, and its connections are better freed.
@DirtiesContext
@TestPropertySource(
        properties = {"desk.rate-limit.enforce=true", "desk.rate-limit.redis-key-prefix=rate-limit-enforcement-it:"})
class RateLimitEnforcementIntegrationTests extends DeskIntegrationTest {

    @Autowired
    ApiLimits limits;

    @Test
    void shouldRefuseThe201stRequestOfAMinuteOnTheTeamPlanWithRetryAfter() {
        limits.update(Actor.system(), new PlanUpdate(Plan.TEAM, false, false));
        String auth = ownerAuth();
        startFreshWindow(clock);

        for (int i = 1; i <= 200; i++) {
            Response ok = api.get("/api/v2/users/me", auth);
            assertThat(ok.status()).as("request %d", i).isEqualTo(200);
            assertThat(remaining(ok)).as("remaining after request %d", i).isEqualTo(200 - i);
        }
        Response refused = api.get("/api/v2/users/me", auth);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("Number of allowed API requests per minute exceeded");
        assertThat(refused.header("Content-Type")).startsWith("text/plain");
        assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(SECONDS_LEFT));
        assertThat(refused.header("X-Rate-Limit")).isEqualTo("200");
        assertThat(refused.header("X-Rate-Limit-Remaining")).isEqualTo("0");
        assertThat(refused.header("ratelimit-limit")).isEqualTo("200");
        assertThat(refused.header("ratelimit-remaining")).isEqualTo("0");
        assertThat(refused.header("ratelimit-reset")).isEqualTo(Long.toString(SECONDS_LEFT));
        assertThat(api.get("/api/v2/tickets", auth).status()).isEqualTo(429);

        // The window turns: the whole budget is back.
        clock.advance(Duration.ofSeconds(SECONDS_LEFT));
        Response nextMinute = api.get("/api/v2/users/me", auth);
        assertThat(nextMinute.status()).isEqualTo(200);
        assertThat(remaining(nextMinute)).isEqualTo(199L);
        assertThat(nextMinute.header("ratelimit-reset")).isEqualTo("60");
    }

    @Test
    void shouldLimitIncrementalExportsSeparatelyAndCountThemAgainstTheAccountToo() {
        limits.update(Actor.system(), new PlanUpdate(Plan.ENTERPRISE, false, false));
        String auth = ownerAuth();
        startFreshWindow(clock);

        Response first = api.get(EXPORT_PATH, auth);
        assertThat(first.status()).isEqualTo(200);
        assertThat(exports(first)).startsWith(10, 9);
        for (int i = 2; i <= 10; i++) {
            Response export = api.get(EXPORT_PATH, auth);
            assertThat(export.status()).as("export %d", i).isEqualTo(200);
            assertThat(exports(export)[1])
                    .as("exports remaining after export %d", i)
                    .isEqualTo(10 - i);
        }
        Response refused = api.get(EXPORT_PATH, auth);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").asString()).isEqualTo("APIRateLimitExceeded");
        assertThat(refused.json().path("description").asString())
                .isEqualTo("Number of allowed incremental export API requests per minute exceeded");
        assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(SECONDS_LEFT));
        assertThat(exports(refused)).startsWith(10, 0);
        assertThat(refused.header("X-Rate-Limit")).isEqualTo("700");

        Response other = api.get("/api/v2/users/me", auth);
        assertThat(other.status()).isEqualTo(200);
        // Nine more exports and this request spent the account's budget; the refused export did not.
        assertThat(remaining(other)).isEqualTo(remaining(first) - 10);
        assertThat(other.header("zendesk-ratelimit-incremental-exports")).isNull();
    }
}
