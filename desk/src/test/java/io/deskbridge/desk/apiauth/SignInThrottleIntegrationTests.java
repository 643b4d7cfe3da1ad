package io.deskbridge.desk.apiauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Admin Center sign-in shares the failed-authentication budget; its own desk, so no other test is locked out. */
@TestPropertySource(properties = {"desk.auth.failed-attempts-per-minute=5", "desk.test.context=sign-in-throttle"})
class SignInThrottleIntegrationTests extends DeskIntegrationTest {

    @Test
    void shouldRefuseSignInWhileTheAddressIsThrottled() {
        // The throttle refills on desk's clock: stopped here, so slow sign-ins cannot refill it.
        clock.freezeAt(java.time.Instant.now());
        DeskClient browser = DeskClient.withCookies(baseUrl());
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(OWNER_EMAIL, "wrong-" + i).header("Location"))
                    .endsWith("/login?error");
        }
        Response right = browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(right.header("Location")).contains("/login?throttled=");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(browser.get("/admin", null).status()).as("still signed out").isEqualTo(302);
        assertThat(browser.get("/login?throttled=12", null).body()).contains("Too many failed sign-ins");
    }
}
