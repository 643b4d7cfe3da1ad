package io.deskbridge.desk.ratelimit;

import static io.deskbridge.desk.ratelimit.RateLimitTesting.REDIS_HOST;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.REDIS_PORT;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.SECONDS_LEFT;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.remaining;
import static io.deskbridge.desk.ratelimit.RateLimitTesting.startFreshWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecondDesk;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.support.TcpRelay;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two desk instances on one database and one Redis ({@code desk.redis-url}): together they admit no
 * more than the plan's budget. Instance B reaches Redis through a relay the last test cuts. Bucket
 * keys carry a prefix unique to this run, so reruns against the same Redis start from full buckets.
 */
// Runs once, in the PostgreSQL pass: several desk instances share a PostgreSQL database in production,
// never an embedded H2 one (issue 16, suite time).
@Tag("postgres-only")
// Closed after the class: nothing else uses this configuration, and its connections are better freed.
@DirtiesContext
@EnabledIf(
        value = "io.deskbridge.desk.ratelimit.RateLimitTesting#redisReachable",
        disabledReason = "Redis is not reachable at DESK_TEST_REDIS_HOST:DESK_TEST_REDIS_PORT (127.0.0.1:6379); "
                + "start it with: " + RateLimitTesting.START_REDIS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitRedisIntegrationTests extends DeskIntegrationTest {

    private static final String KEY_PREFIX = "desk-test:" + UUID.randomUUID() + ":";

    @Autowired
    Environment environment;

    @Autowired
    ApiLimits limits;

    private TcpRelay relay;
    private SecondDesk instanceB;
    private DeskClient apiB;

    @DynamicPropertySource
    static void sharedRedis(DynamicPropertyRegistry registry) {
        registry.add("desk.redis-url", () -> "redis://" + REDIS_HOST + ":" + REDIS_PORT);
        registry.add("desk.rate-limit.redis-key-prefix", () -> KEY_PREFIX);
        registry.add("desk.rate-limit.enforce", () -> "true");
    }

    @BeforeAll
    void startSecondInstance() throws IOException {
        relay = new TcpRelay(REDIS_HOST, REDIS_PORT);
        // Instance B reaches Redis through the relay the test cuts, and reads this test's clock, so
        // both instances see the same windows when the test moves time.
        instanceB = SecondDesk.start(
                environment,
                Map.of(
                        "desk.redis-url",
                        "redis://127.0.0.1:" + relay.port(),
                        "spring.datasource.hikari.maximum-pool-size",
                        "3"),
                context -> ((GenericApplicationContext) context)
                        .registerBean("sharedTestClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)));
        apiB = instanceB.api();
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    @Order(1)
    void shouldAdmitExactlyThePlansBudgetAcrossBothInstances() {
        limits.update(Actor.system(), new PlanUpdate(Plan.TEAM, false, false));
        ApiLimits limitsOnB = instanceB.bean(ApiLimits.class);
        await().atMost(Duration.ofSeconds(1)).until(() -> limitsOnB.current().requestsPerMinute() == 200);
        String auth = ownerAuth();
        startFreshWindow(clock);

        int admitted = 0;
        int refused = 0;
        List<Long> remainingSeen = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Response response = (i % 2 == 0 ? api : apiB).get("/api/v2/users/me", auth);
            if (response.status() == 200) {
                admitted++;
                remainingSeen.add(remaining(response));
            } else {
                assertThat(response.status()).as("request %d", i + 1).isEqualTo(429);
                assertThat(response.header("Retry-After")).isEqualTo(Long.toString(SECONDS_LEFT));
                refused++;
            }
        }

        assertThat(admitted).isEqualTo(200);
        assertThat(refused).isEqualTo(100);
        // One count for both: every admitted request saw the one before it, whichever instance served it.
        assertThat(remainingSeen.get(0)).isEqualTo(199);
        assertThat(remainingSeen.get(1)).isEqualTo(198);
        assertThat(remainingSeen.get(199)).isZero();
    }

    @Test
    @Order(2)
    void shouldLimitOnItsOwnWhileRedisIsUnreachableAndShareAgainAfterwards() {
        limits.update(Actor.system(), new PlanUpdate(Plan.GROWTH, false, false));
        ApiLimits limitsOnB = instanceB.bean(ApiLimits.class);
        await().atMost(Duration.ofSeconds(1)).until(() -> limitsOnB.current().requestsPerMinute() == 400);
        String auth = ownerAuth();
        startFreshWindow(clock);
        try {
            relay.cut();
            for (int i = 1; i <= 400; i++) {
                Response response = apiB.get("/api/v2/users/me", auth);
                assertThat(response.status()).as("request %d without Redis", i).isEqualTo(200);
                assertThat(remaining(response)).isEqualTo(400 - i);
            }
            assertThat(apiB.get("/api/v2/users/me", auth).status()).isEqualTo(429);
            assertThat(warnings())
                    .anySatisfy(line -> assertThat(line)
                            .contains("Redis at 127.0.0.1:" + relay.port() + " did not answer")
                            .contains("this instance limits requests on its own, in memory"));
            // Instance A still counts in Redis, which B's requests never reached.
            assertThat(remaining(api.get("/api/v2/users/me", auth))).isEqualTo(399);
        } finally {
            relay.restore();
        }

        await().pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(30))
                .until(() -> {
                    long before = remaining(api.get("/api/v2/users/me", auth));
                    apiB.get("/api/v2/users/me", auth);
                    return remaining(api.get("/api/v2/users/me", auth)) == before - 2;
                });
        assertThat(warnings())
                .anySatisfy(line -> assertThat(line)
                        .contains("Redis at 127.0.0.1:" + relay.port() + " answers again")
                        .contains("buckets are shared again"));
    }

    private static List<String> warnings() {
        return SecretLedger.output()
                .lines()
                .filter(line -> line.contains("API rate limits:"))
                .toList();
    }
}
