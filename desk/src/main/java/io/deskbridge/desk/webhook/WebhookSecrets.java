package io.deskbridge.desk.webhook;

import io.deskbridge.desk.secret.SecretBox;
import org.springframework.stereotype.Component;

/**
 * A webhook's signing secret and credential, sealed for exactly that webhook and column
 * ({@code webhook:<id>:signing_secret}, {@code webhook:<id>:authentication}).
 */
@Component
class WebhookSecrets {

    private final SecretBox box;

    WebhookSecrets(SecretBox box) {
        this.box = box;
    }

    String sealSigningSecret(long webhookId, String secret) {
        return box.seal(secret, signingContext(webhookId));
    }

    String openSigningSecret(StoredWebhook stored) {
        return box.open(
                stored.signingSecretSealed(), signingContext(stored.webhook().id()));
    }

    String sealCredential(long webhookId, String credential) {
        return box.seal(credential, credentialContext(webhookId));
    }

    /** The password, token or key value; null when the webhook has no authentication. */
    String openCredential(StoredWebhook stored) {
        return stored.authSealed() == null
                ? null
                : box.open(
                        stored.authSealed(), credentialContext(stored.webhook().id()));
    }

    private static String signingContext(long webhookId) {
        return "webhook:" + webhookId + ":signing_secret";
    }

    private static String credentialContext(long webhookId) {
        return "webhook:" + webhookId + ":authentication";
    }
}
