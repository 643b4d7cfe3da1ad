package io.deskbridge.desk.leakreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScannerKeysTests {

    static KeyPair keys(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Nested
    class AtStartUp {

        @Test
        void shouldNameThePropertyOfAKeyThatDoesNotParse() {
            assertThatThrownBy(() -> new ScannerKeys(new LeakReportProperties(Map.of("gh-1", "not a key"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("desk.leak-reports.public-keys.gh-1 is not a public key: give the PEM or "
                            + "base64 DER SubjectPublicKeyInfo the scanner publishes");
        }

        @Test
        void shouldRefuseAKeyOnAnotherCurve() throws Exception {
            String p384 = Base64.getEncoder()
                    .encodeToString(keys("secp384r1").getPublic().getEncoded());
            assertThatThrownBy(() -> new ScannerKeys(new LeakReportProperties(Map.of("gh-1", p384))))
                    .hasMessage("desk.leak-reports.public-keys.gh-1 is not an ECDSA P-256 public key, which secret "
                            + "scanners sign with");
        }
    }

    @Nested
    class Verifying {

        @Test
        void shouldAcceptAPemKeysSignatureOfTheExactBodyOnly() throws Exception {
            KeyPair pair = keys("secp256r1");
            ScannerKeys scanner = new ScannerKeys(new LeakReportProperties(Map.of("gh-1", pem(pair))));
            byte[] body = "[{\"token\":\"x\"}]".getBytes(StandardCharsets.UTF_8);
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(pair.getPrivate());
            ecdsa.update(body);
            String signature = Base64.getEncoder().encodeToString(ecdsa.sign());

            assertThat(scanner.verify("gh-1", signature, body).accepted()).isTrue();
            assertThat(scanner.verify("gh-1", signature, "[]".getBytes(StandardCharsets.UTF_8))
                            .accepted())
                    .isFalse();
            assertThat(scanner.verify("gh-1", "%%%", body).reason())
                    .isEqualTo("Github-Public-Key-Signature is not a valid signature of this body by key \"gh-1\"");
        }

        @Test
        void shouldRefuseEveryReportWhenNoKeyIsConfigured() {
            ScannerKeys none = new ScannerKeys(new LeakReportProperties(null));
            assertThat(none.verify("gh-1", "sig", new byte[0]).reason())
                    .isEqualTo("No secret-scanner public keys are configured; set desk.leak-reports.public-keys.<key "
                            + "identifier> to the scanner's public key");
        }
    }
}
