package io.deskbridge.sync.automation;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The notification signature, Zendesk's webhook scheme with sync's header names: {@code
 * X-Deskbridge-Signature} is base64(HMAC-SHA256(key = the rule's signing secret as UTF-8, message =
 * {@code X-Deskbridge-Signature-Timestamp} + the raw body)). A receiver recomputes it over the bytes it
 * received, compares in constant time, and refuses timestamps older than a few minutes.
 */
final class Signatures {

    static final String SIGNATURE = "X-Deskbridge-Signature";
    static final String TIMESTAMP = "X-Deskbridge-Signature-Timestamp";
    static final String DELIVERY = "X-Deskbridge-Delivery";

    private Signatures() {}

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable: " + e.getMessage(), e);
        }
    }
}
