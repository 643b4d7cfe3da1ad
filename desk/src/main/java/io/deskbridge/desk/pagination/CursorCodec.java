package io.deskbridge.desk.pagination;

import io.deskbridge.desk.api.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-proof cursors: {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload)[0..16])}.
 * The key is generated once and kept in the database, so every desk instance accepts every other's
 * cursors. A cursor that does not verify, or that was made for another list, is a 400, never a 500
 * and never someone else's data.
 */
@Component
public class CursorCodec {

    private static final String KEY_NAME = "cursor-signing";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    CursorCodec(ServerKeyRepository keys) {
        this.key = new SecretKeySpec(keys.loadOrCreate(KEY_NAME, 32), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Encodes the values of the sort key of a boundary row, tied to a list ({@code scope}). */
    public String encode(String scope, List<String> values) {
        String payload = scope + "\n" + String.join("\n", values);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The values encoded in a cursor made for {@code scope}; 400 InvalidCursor for anything else. */
    public List<String> decode(String scope, String cursor, int expectedValues) {
        int dot = cursor.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(cursor.substring(0, dot));
            mac = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac, sign(payload))) {
            throw invalid();
        }
        List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
        if (parts.size() != expectedValues + 1 || !parts.get(0).equals(scope)) {
            throw invalid();
        }
        return parts.subList(1, parts.size());
    }

    private static BadRequestException invalid() {
        return new BadRequestException("InvalidCursor", "The cursor is invalid, expired, or was made for another list");
    }

    private byte[] sign(byte[] payload) {
        return Arrays.copyOf(macs.get().doFinal(payload), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
