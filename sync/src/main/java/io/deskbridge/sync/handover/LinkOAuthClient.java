package io.deskbridge.sync.handover;

/**
 * The OAuth client an operator gives a request link, so that the Zendesk admin can press "Connect
 * with Zendesk" instead of pasting a token.
 *
 * @param clientId the client's unique identifier in the account (Admin Center → Apps and
 *     integrations → APIs → OAuth clients)
 * @param clientSecret the secret of a confidential client; null for a public client (PKCE only)
 * @param scope the scopes to ask for, space-separated ({@code read write})
 */
public record LinkOAuthClient(String clientId, String clientSecret, String scope) {

    /**
     * Decision: sync reads every stream and its automation rules write comments and fields, so it asks
     * for {@code read write} unless the operator narrows it (a read-only deployment gives {@code read}).
     */
    public static final String DEFAULT_SCOPE = "read write";

    @Override
    public String toString() {
        return "LinkOAuthClient[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "(secret)")
                + ", scope=" + scope + "]";
    }
}
