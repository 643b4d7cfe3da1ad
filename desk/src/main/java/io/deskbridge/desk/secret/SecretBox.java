package io.deskbridge.desk.secret;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals and opens stored secrets with Tink AEAD (AES-256-GCM). The associated data names the record
 * and field a ciphertext belongs to ({@code webhook:17:signing_secret}), so a ciphertext copied
 * into another row or column does not open.
 *
 * <p>The keyset comes from {@code desk.secrets.keyset} or {@code <data-dir>/secrets-keyset.json}
 * (see {@link SecretProperties}). Every instance sharing a database must share the keyset; a start
 * whose keyset cannot open the canary sealed by the first start fails and says so.
 */
@Component
public class SecretBox {

    static final String CANARY_CONTEXT = "desk:secret-canary";

    private final Aead aead;

    @Autowired
    SecretBox(
            SecretProperties properties,
            @Value("${desk.data-dir}") Path dataDir,
            SecretCanaryRepository canary,
            Clock clock) {
        this(SecretKeysets.load(properties.keyset(), dataDir));
        String source = properties.keyset() == null || properties.keyset().isBlank()
                ? "the keyset file " + dataDir.resolve(SecretKeysets.FILE_NAME).toAbsolutePath()
                : SecretKeysets.PROPERTY;
        verifyCanary(canary, clock, source);
    }

    private SecretBox(Aead aead) {
        this.aead = aead;
        String probe = UUID.randomUUID().toString();
        if (!probe.equals(open(seal(probe, "desk:self-test"), "desk:self-test"))) {
            throw new IllegalStateException("The secrets keyset failed its seal/open self-test");
        }
    }

    /** A box over a keyset given as Tink JSON (tests and tools). */
    public static SecretBox ofKeysetJson(String json) {
        return new SecretBox(SecretKeysets.aead("the given keyset", json));
    }

    /** A fresh AES-256-GCM keyset as Tink JSON, for operators who set {@code desk.secrets.keyset}. */
    public static String newKeysetJson() {
        return SecretKeysets.generate();
    }

    /** Base64 ciphertext of {@code plaintext}, bound to {@code context}. */
    public String seal(String plaintext, String context) {
        try {
            return Base64.getEncoder()
                    .encodeToString(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(context)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret for " + context, e);
        }
    }

    /**
     * The plaintext of a ciphertext sealed for {@code context}.
     *
     * @throws SecretUnreadableException when it was sealed for another context or under another keyset
     */
    public String open(String sealed, String context) {
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(sealed), bytes(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException(context);
        }
    }

    private void verifyCanary(SecretCanaryRepository canary, Clock clock, String source) {
        String stored = canary.find().orElse(null);
        if (stored == null) {
            if (canary.insert(seal(UUID.randomUUID().toString(), CANARY_CONTEXT), clock.instant())) {
                return;
            }
            stored = canary.find().orElseThrow();
        }
        try {
            open(stored, CANARY_CONTEXT);
        } catch (SecretUnreadableException e) {
            throw new IllegalStateException(
                    source
                            + " cannot open the secrets this database already holds: they were sealed under another keyset. "
                            + "Every desk instance sharing a database must use the same keyset (set desk.secrets.keyset to it)");
        }
    }

    private static byte[] bytes(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
