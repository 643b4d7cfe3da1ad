package io.deskbridge.sync.connection;

import java.time.Instant;

/**
 * OAuth tokens as issued by Zendesk, and what refreshing them needs. Zendesk's refresh token grant
 * ({@code POST /oauth/tokens}, {@code grant_type=refresh_token}) answers with a new access token AND
 * a new refresh token and deletes the old pair, so a refreshed credential replaces this one at once.
 *
 * @param accessTokenExpiresAt null when the access token does not expire
 * @param refreshToken null when none was issued (then the credential cannot be refreshed)
 * @param clientId the OAuth client's unique identifier, needed to refresh; null when unknown
 * @param clientSecret the confidential client's secret, sent with a refresh; null for a public client
 */
public record OAuthCredential(
        String accessToken, String refreshToken, Instant accessTokenExpiresAt, String clientId, String clientSecret)
        implements Credential {

    /** Tokens without the client: usable until the access token expires, never refreshed. */
    public OAuthCredential(String accessToken, String refreshToken, Instant accessTokenExpiresAt) {
        this(accessToken, refreshToken, accessTokenExpiresAt, null, null);
    }

    @Override
    public AuthType type() {
        return AuthType.OAUTH;
    }

    @Override
    public String identity() {
        return clientId == null ? null : "OAuth client " + clientId;
    }

    /**
     * Whether sync can get a new access token by itself: with the refresh token, or (no refresh token,
     * a confidential client's secret) by asking for a new client-credentials token.
     */
    public boolean refreshable() {
        return clientId != null && (refreshToken != null || clientSecret != null);
    }

    /** A client-credentials token: no refresh token, a new one is asked for with the client's secret. */
    public boolean clientCredentials() {
        return refreshToken == null && clientId != null && clientSecret != null;
    }

    @Override
    public String toString() {
        return "OAuthCredential[accessToken=(secret), refreshToken=" + (refreshToken == null ? "none" : "(secret)")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "(secret)") + "]";
    }
}
