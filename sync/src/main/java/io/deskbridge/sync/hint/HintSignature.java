package io.deskbridge.sync.hint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk's webhook signature check: base64(HMAC-SHA256(secret, timestamp + body)), compared in
 * constant time, with the signed timestamp within {@link #WINDOW} of now.
 */
final class HintSignature {

    /** How far the signed timestamp may lie from sync's clock, either way (replay window). */
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a hint was refused; the description is the API's. */
    enum Verdict {
        VALID(null),
        MISSING("The hint has no X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp headers"),
        BAD_TIMESTAMP("X-Zendesk-Webhook-Signature-Timestamp is not an ISO-8601 time such as 2026-01-05T10:00:00Z"),
        STALE("X-Zendesk-Webhook-Signature-Timestamp is more than 5 minutes from sync's clock: a replay,"
                + " or a clock that is off"),
        MISMATCH("X-Zendesk-Webhook-Signature does not match the body and timestamp signed with this"
                + " connection's hint secret");

        private final String description;

        Verdict(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private HintSignature() {}

    static Verdict verify(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING;
        }
        Optional<Instant> signedAt = parse(timestamp.strip());
        if (signedAt.isEmpty()) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Duration.between(signedAt.get(), now).abs().compareTo(WINDOW) > 0) {
            return Verdict.STALE;
        }
        byte[] expected = sign(secret, timestamp, body);
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** base64(HMAC-SHA256(UTF-8 of secret, UTF-8 of timestamp followed by the raw body)), as ASCII bytes. */
    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encode(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Zendesk sends ISO-8601 UTC ({@code 2021-07-25T10:00:00Z}); epoch seconds are accepted too. */
    private static Optional<Instant> parse(String timestamp) {
        try {
            if (timestamp.chars().allMatch(Character::isDigit) && timestamp.length() <= 12) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(timestamp)));
            }
            return Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
