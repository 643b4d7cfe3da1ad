package io.deskbridge.desk.apiauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Its own desk (a low limit): the throttle would otherwise lock the shared test desk out. */
@TestPropertySource(properties = "desk.auth.failed-attempts-per-minute=5")
class FailedAuthThrottleIntegrationTests extends DeskIntegrationTest {

    @Test
    void shouldThrottleAnAddressAfterRepeatedFailuresAndAuditTheBurstOnce() {
        // The throttle refills on desk's clock: stopped here, so slow sign-ins cannot refill it.
        clock.freezeAt(java.time.Instant.now());
        String good = ownerAuth();
        String bad = DeskClient.tokenAuth(OWNER_EMAIL, TokenFormat.generate());
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v2/users/me", bad).status())
                    .as("attempt %d", i + 1)
                    .isEqualTo(401);
        }

        Response throttled = api.get("/api/v2/users/me", good);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(throttled.json().path("error").asString()).isEqualTo("TooManyFailedAuthentications");
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v2/users/me", bad).status()).isEqualTo(429);
        }

        assertThat(auditEntries("api_auth.failed_burst")).singleElement().satisfies(e -> {
            assertThat(e.get("ip_address")).isEqualTo("127.0.0.1");
            assertThat(e.get("action")).isEqualTo("login");
            assertThat(e.get("change_description").toString())
                    .startsWith("5 failed API authentications from 127.0.0.1 within a minute");
        });
    }

    @Test
    void shouldNeverThrottleRequestsWithoutCredentials() {
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v2/users/me", null).status()).isEqualTo(200);
        }
    }
}
