package io.deskbridge.desk.webhook;

/**
 * How a webhook authenticates, without the credential itself (that stays sealed in the database).
 *
 * @param publicPart the username ({@code basic_auth}) or header name ({@code api_key}); null for
 *     {@code bearer_token}
 */
public record WebhookAuthentication(AuthenticationType type, String addPosition, String publicPart) {

    /** Zendesk's only position. */
    public static final String HEADER = "header";
}
