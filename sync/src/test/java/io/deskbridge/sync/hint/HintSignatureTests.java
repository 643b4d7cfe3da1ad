package io.deskbridge.sync.hint;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.hint.HintSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HintSignatureTests {

    private static final String SECRET = "dGhpcyBpcyBhIGhpbnQgc2VjcmV0IGZvciB0ZXN0cw";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String BODY =
            "{\"type\":\"zen:event-type:ticket.priority_changed\",\"detail\":{\"id\":\"7\"}}";

    private static Verdict verify(String timestamp, String signature, String body, Instant now) {
        return HintSignature.verify(SECRET, timestamp, signature, body.getBytes(StandardCharsets.UTF_8), now);
    }

    /** Zendesk's formula, written out independently: base64(HMAC-SHA256(secret, timestamp + body)). */
    private static String zendesk(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Signature {

        @Test
        void shouldAcceptZendesksSignatureOfTimestampThenBody() throws Exception {
            String at = "2026-12-07T09:59:58Z";

            assertThat(verify(at, zendesk(SECRET, at, BODY), BODY, NOW)).isEqualTo(Verdict.VALID);
        }

        @Test
        void shouldRefuseTheBodyBeforeTheTimestamp() throws Exception {
            String at = "2026-12-07T09:59:58Z";
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String reversed =
                    Base64.getEncoder().encodeToString(mac.doFinal((BODY + at).getBytes(StandardCharsets.UTF_8)));

            assertThat(verify(at, reversed, BODY, NOW)).isEqualTo(Verdict.MISMATCH);
        }

        @Test
        void shouldRefuseAnotherBodyAnotherSecretOrAnotherTimestamp() throws Exception {
            String at = "2026-12-07T09:59:58Z";

            assertThat(verify(at, zendesk(SECRET, at, BODY), BODY + " ", NOW)).isEqualTo(Verdict.MISMATCH);
            assertThat(verify(at, zendesk(SECRET + "x", at, BODY), BODY, NOW)).isEqualTo(Verdict.MISMATCH);
            assertThat(verify("2026-12-07T09:59:59Z", zendesk(SECRET, at, BODY), BODY, NOW))
                    .isEqualTo(Verdict.MISMATCH);
            assertThat(verify(at, "not base64 at all", BODY, NOW)).isEqualTo(Verdict.MISMATCH);
        }
    }

    @Nested
    class ReplayWindow {

        @Test
        void shouldAcceptFiveMinutesEitherWayAndNoMore() throws Exception {
            for (Duration offset : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(-5)}) {
                String at = NOW.plus(offset).toString();
                assertThat(verify(at, zendesk(SECRET, at, BODY), BODY, NOW)).isEqualTo(Verdict.VALID);
            }
            for (Duration offset : new Duration[] {Duration.ofSeconds(301), Duration.ofSeconds(-301)}) {
                String at = NOW.plus(offset).toString();
                assertThat(verify(at, zendesk(SECRET, at, BODY), BODY, NOW)).isEqualTo(Verdict.STALE);
            }
        }

        @Test
        void shouldReadEpochSecondsToo() throws Exception {
            String at = Long.toString(NOW.getEpochSecond() - 10);

            assertThat(verify(at, zendesk(SECRET, at, BODY), BODY, NOW)).isEqualTo(Verdict.VALID);
        }

        @Test
        void shouldRefuseATimestampItCannotReadAndMissingHeaders() {
            assertThat(verify("yesterday", "c2ln", BODY, NOW)).isEqualTo(Verdict.BAD_TIMESTAMP);
            assertThat(verify(null, "c2ln", BODY, NOW)).isEqualTo(Verdict.MISSING);
            assertThat(verify("2026-12-07T09:59:58Z", " ", BODY, NOW)).isEqualTo(Verdict.MISSING);
        }
    }
}
