package io.deskbridge.desk.apiauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Its own desk (low limits): the throttle would otherwise lock the shared test desk out. */
@TestPropertySource(
        properties = {"desk.auth.failed-attempts-per-minute=5", "desk.auth.failed-attempts-per-minute-per-account=8"})
class FailedAuthThrottleIntegrationTests extends DeskIntegrationTest {

    @Autowired
    FailedAuthThrottle throttle;

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
    void shouldThrottleAnAccountWhoseFailuresComeFromManyAddresses() {
        // Later than any other test's frozen clock: every budget has refilled.
        clock.freezeAt(Instant.now().plus(Duration.ofMinutes(5)));
        String password = SecretLedger.issued("Pw-" + UUID.randomUUID());
        UserAccount target =
                users.create("Target", "target-" + UUID.randomUUID() + "@deskbridge.test", Role.ADMIN, password);
        String targetToken =
                DeskClient.tokenAuth(target.email(), issueToken(target, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
        String bystander = ownerAuth();
        assertThat(api.get("/api/v2/users/me", targetToken).status()).isEqualTo(200);

        // Eight wrong attempts as the target, each from another address (one each: no address is throttled).
        for (int i = 1; i <= 8; i++) {
            throttle.recordFailure("198.51.100." + i, target.email().toUpperCase(Locale.ROOT));
        }

        Response throttled = api.get("/api/v2/users/me", targetToken);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(throttled.json().path("error").asString()).isEqualTo("TooManyFailedAuthentications");
        assertThat(api.get("/api/v2/users/me", bystander).status())
                .as("another account from the same address")
                .isEqualTo(200);
        DeskClient browser = DeskClient.withCookies(baseUrl());
        Response signIn = browser.signIn(target.email(), password);
        assertThat(signIn.header("Location")).contains("/login?throttled=");
        assertThat(browser.get("/admin", null).status()).as("still signed out").isEqualTo(302);

        assertThat(auditEntries("api_auth.account_failed_burst"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("ip_address")).isEqualTo("198.51.100.8");
                    assertThat(e.get("change_description").toString())
                            .startsWith("8 failed authentications as user " + target.id() + " within a minute")
                            .doesNotContain(target.email());
                });

        clock.advance(Duration.ofMinutes(1));
        assertThat(api.get("/api/v2/users/me", targetToken).status())
                .as("after the budget refilled")
                .isEqualTo(200);
    }

    @Test
    void shouldNeverThrottleRequestsWithoutCredentials() {
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v2/users/me", null).status()).isEqualTo(200);
        }
    }
}
