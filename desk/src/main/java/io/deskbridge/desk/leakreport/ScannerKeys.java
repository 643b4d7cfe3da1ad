package io.deskbridge.desk.leakreport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The configured scanner keys, parsed once at start-up (a key that does not parse stops desk with a
 * message naming its property), and the signature check of a report.
 */
@Component
class ScannerKeys {

    static final String PROPERTY = "desk.leak-reports.public-keys";

    private final Map<String, PublicKey> byIdentifier;

    ScannerKeys(LeakReportProperties properties) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        properties.publicKeys().forEach((identifier, text) -> keys.put(identifier, parse(identifier, text)));
        this.byIdentifier = Map.copyOf(keys);
    }

    /** Whether {@code signature} (base64 DER ECDSA) is the key {@code identifier}'s over {@code body}. */
    Verdict verify(String identifier, String signature, byte[] body) {
        if (byIdentifier.isEmpty()) {
            return Verdict.refused("No secret-scanner public keys are configured; set " + PROPERTY
                    + ".<key identifier> to the scanner's public key");
        }
        if (identifier == null || identifier.isBlank() || signature == null || signature.isBlank()) {
            return Verdict.refused(
                    "The Github-Public-Key-Identifier and Github-Public-Key-Signature headers are required");
        }
        PublicKey key = byIdentifier.get(identifier);
        if (key == null) {
            return Verdict.refused("Github-Public-Key-Identifier \"" + identifier + "\" is not a configured key");
        }
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(body);
            if (ecdsa.verify(Base64.getDecoder().decode(signature.trim()))) {
                return Verdict.ACCEPTED;
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // A signature that is not base64 DER is simply not a valid signature.
        }
        return Verdict.refused(
                "Github-Public-Key-Signature is not a valid signature of this body by key \"" + identifier + "\"");
    }

    record Verdict(boolean accepted, String reason) {
        static final Verdict ACCEPTED = new Verdict(true, null);

        static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }

    private static PublicKey parse(String identifier, String text) {
        String property = PROPERTY + "." + identifier;
        try {
            String base64 =
                    text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof ECPublicKey ec)
                    || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalStateException(
                        property + " is not an ECDSA P-256 public key, which secret scanners sign with");
            }
            return key;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    property + " is not a public key: give the PEM or base64 DER SubjectPublicKeyInfo the scanner "
                            + "publishes (" + e.getMessage() + ")",
                    e);
        }
    }
}
