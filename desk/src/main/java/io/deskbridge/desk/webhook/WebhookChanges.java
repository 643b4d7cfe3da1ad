package io.deskbridge.desk.webhook;

import java.util.List;
import java.util.Map;

/**
 * What a create or update asks for. A null field is left as it is (or takes its default on
 * create).
 *
 * @param authentication null to leave it, {@link AuthenticationChange#REMOVE} to drop it
 * @param signingSecret a secret of the admin's choosing; only on create (Zendesk's
 *     {@code signing_secret.secret}), otherwise desk generates one
 */
public record WebhookChanges(
        String name,
        String description,
        WebhookStatus status,
        String endpoint,
        String httpMethod,
        String requestFormat,
        List<String> subscriptions,
        Map<String, String> customHeaders,
        AuthenticationChange authentication,
        String signingSecret) {

    /**
     * New authentication.
     *
     * @param publicPart the username ({@code basic_auth}) or header name ({@code api_key})
     * @param credential the password, token or key value; null keeps the stored one when the type
     *     and public part stay the same (what a client that read the webhook and sends it back does)
     */
    public record AuthenticationChange(
            AuthenticationType type, String addPosition, String publicPart, String credential) {

        public static final AuthenticationChange REMOVE = new AuthenticationChange(null, null, null, null);

        boolean removes() {
            return type == null;
        }
    }
}
