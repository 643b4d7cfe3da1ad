package io.deskbridge.sync.automation;

import io.deskbridge.sync.vault.CredentialBinding;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Rules' signing secrets: 32 random bytes (base64url), sealed by the vault. Decision: bound to the
 * connection and the negated rule id as the "credential version", so a sealed signing secret opens
 * only for its own rule and never as a connection credential (whose versions count from 1). A
 * master key rotation re-wraps them with the credentials ({@link RuleSecretRewrap}).
 */
final class RuleSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RuleSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "dbs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static CredentialBinding binding(long connectionId, long ruleId) {
        return new CredentialBinding(connectionId, -Math.toIntExact(ruleId));
    }
}
