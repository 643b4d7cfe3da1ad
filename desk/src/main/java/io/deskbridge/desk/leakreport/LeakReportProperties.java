package io.deskbridge.desk.leakreport;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code desk.leak-reports.*}.
 *
 * @param publicKeys the secret scanner's ECDSA P-256 public keys by key identifier (GitHub's {@code
 *     key_identifier}), each as PEM or base64 DER ({@code SubjectPublicKeyInfo}); checked at start-up
 */
@ConfigurationProperties("desk.leak-reports")
record LeakReportProperties(Map<String, String> publicKeys) {

    LeakReportProperties {
        publicKeys = publicKeys == null ? Map.of() : Map.copyOf(publicKeys);
    }
}
