package io.deskbridge.desk.ratelimit;

import static io.deskbridge.desk.ratelimit.RateLimitTesting.EXPORT_PATH;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.exports;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.remaining;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.startFreshWindow;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The sandbox clock: counted and reported, never refused. Its own desk: it spends whole budgets. */
// Closed after the class: nothing else uses this configuration, and its connections are better freed.
@DirtiesContext
@TestPropertySource(
        properties = {"desk.rate-limit.enforce=true", "desk.rate-limit.redis-key-prefix=rate-limit-sandbox-it:"})
class RateLimitSandboxIntegrationTests extends DeskIntegrationTest {

    @Autowired
    ApiLimits limits;

    @Test
    void shouldCountButNeverRefuseWhileTheSandboxClockIsOn() {
        limits.update(Actor.system(), new PlanUpdate(Plan.GROWTH, false, true));
        String auth = ownerAuth();
        startFreshWindow(clock);

        Response last = null;
        for (int i = 1; i <= 405; i++) {
            last = api.get("/api/v2/users/me", auth);
            assertThat(last.status()).as("request %d", i).isEqualTo(200);
        }
        assertThat(last.header("X-Rate-Limit")).isEqualTo("400");
        assertThat(remaining(last)).isZero();
        for (int i = 1; i <= 12; i++) {
            Response export = api.get(EXPORT_PATH, auth);
            assertThat(export.status()).as("export %d", i).isEqualTo(200);
            last = export;
        }
        assertThat(exports(last)).startsWith(10, 0);

        limits.update(Actor.system(), PlanUpdate.sandbox(false));
        Response refused = api.get("/api/v2/users/me", auth);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(api.get(EXPORT_PATH, auth).status()).isEqualTo(429);
    }
}
