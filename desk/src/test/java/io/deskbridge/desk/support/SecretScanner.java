package io.deskbridge.desk.support;

import io.deskbridge.desk.support.DeskClient.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Plays GitHub's secret scanner: an ECDSA P-256 key pair made for this test run (its public key is
 * the shared test desk's {@code desk.leak-reports.public-keys.test-scanner}), signing report bodies as
 * GitHub's partner program does.
 */
public final class SecretScanner {

    public static final String KEY_IDENTIFIER = "test-scanner";
    private static final KeyPair KEYS = generate();

    private SecretScanner() {}

    /** The base64 DER public key, as GitHub publishes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public record Found(String token, String type, String url, String source) {
        public static Found inCommit(String token, String type) {
            return new Found(
                    token, type, "https://github.com/octocat/leaky/blob/0123456789abcdef/config.yml", "content");
        }
    }

    /** Posts a report of {@code found}, signed with the scanner's key. */
    public static Response report(DeskClient desk, List<Found> found) {
        String body = DeskClient.json(found);
        return desk.send("POST", "/secret_scanning/reports", null, body, headers(KEY_IDENTIFIER, sign(body)));
    }

    public static Map<String, String> headers(String identifier, String signature) {
        return Map.of("Github-Public-Key-Identifier", identifier, "Github-Public-Key-Signature", signature);
    }

    public static String sign(String body) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(KEYS.getPrivate());
            ecdsa.update(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
