package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Zendesk's signature against Zendesk's published example: timestamp {@code 2021-07-25T10:00:00Z},
 * body {@code {"say": "hello"}}, secret {@code HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=},
 * signature {@code tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=}.
 */
class WebhookSignerTests {

    static final String SECRET = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=";
    static final String TIMESTAMP = "2021-07-25T10:00:00Z";
    static final String BODY = "{\"say\": \"hello\"}";
    static final String PUBLISHED_SIGNATURE = "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=";

    @Nested
    class AgainstThePublishedVector {

        @Test
        void shouldReproduceThePublishedSignatureWithTheSecretsCharactersAsTheKey() {
            // The published example's message is the body followed by the timestamp: that is the only
            // concatenation (and the raw secret characters the only key) that yields its signature.
            assertThat(WebhookSigner.hmac(SECRET, BODY + TIMESTAMP)).isEqualTo(PUBLISHED_SIGNATURE);
        }

        @Test
        void shouldNotMatchWhenTheSecretIsBase64DecodedFirst() throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(SECRET), "HmacSHA256"));
            for (String message : new String[] {BODY + TIMESTAMP, TIMESTAMP + BODY}) {
                String signature =
                        Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
                assertThat(signature).isNotEqualTo(PUBLISHED_SIGNATURE);
            }
        }

        @Test
        void shouldSignTimestampThenBodyAsZendesksFormulaAndItsReceiversDo() {
            // base64(HMAC-SHA256(secret, timestamp + body)): what receivers of live Zendesk traffic verify.
            assertThat(WebhookSigner.sign(SECRET, TIMESTAMP, BODY))
                    .isEqualTo(WebhookSigner.hmac(SECRET, TIMESTAMP + BODY))
                    .isEqualTo("Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=");
        }
    }

    @Test
    void shouldFormatTheTimestampAsIsoUtcToTheSecond() {
        assertThat(WebhookSigner.timestamp(Instant.parse("2021-07-25T10:00:00.987654Z")))
                .isEqualTo(TIMESTAMP);
    }

    @Test
    void shouldGenerateSecretsShapedLikeZendesks() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).hasSize(SECRET.length()).matches("[A-Za-z0-9_-]{43}=");
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }
}
