package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which responses are retried, the backoff, and the start-up checks of desk.webhooks.*. */
class WebhookPoliciesTests {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
        "200, SUCCESS",
        "204, SUCCESS",
        "299, SUCCESS",
        "301, PERMANENT",
        "400, PERMANENT",
        "401, PERMANENT",
        "404, PERMANENT",
        "408, RETRYABLE",
        "409, RETRYABLE",
        "410, PERMANENT",
        "429, RETRYABLE",
        "500, RETRYABLE",
        "503, RETRYABLE"
    })
    void shouldClassifyStatuses(int status, AttemptOutcome outcome) {
        assertThat(AttemptOutcome.ofStatus(status)).isEqualTo(outcome);
    }

    @Test
    void shouldDoubleTheBackoffUpToTheCap() {
        WebhookProperties properties = properties(Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRefuseALeaseShorterThanOneAttempt() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(15), Duration.ofHours(1)))
                .hasMessage("desk.webhooks.claim-lease (PT15S) must be longer than desk.webhooks.connect-timeout +"
                        + " desk.webhooks.request-timeout (PT20S), or a slow attempt would let another instance"
                        + " deliver the same invocation concurrently");
    }

    @Test
    void shouldNameThePropertyOfAnInvalidValue() {
        assertThatThrownBy(() -> new WebhookProperties(
                        false,
                        1,
                        Duration.ofMillis(250),
                        50,
                        0,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(60),
                        10,
                        Duration.ofSeconds(10),
                        Duration.ofHours(1),
                        10,
                        Duration.ofDays(7)))
                .hasMessage("desk.webhooks.delivery-threads must be at least 1 (got 0)");
    }

    private static WebhookProperties properties(Duration lease, Duration cap) {
        return new WebhookProperties(
                false,
                1,
                Duration.ofMillis(250),
                50,
                8,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                lease,
                10,
                Duration.ofSeconds(10),
                cap,
                10,
                Duration.ofDays(7));
    }
}
