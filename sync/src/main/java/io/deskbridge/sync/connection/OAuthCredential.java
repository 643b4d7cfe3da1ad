package io.deskbridge.sync.connection;

import java.time.Instant;

/**
 * OAuth tokens as issued by Zendesk. Stored now; used and refreshed by the sync engine later.
 *
 * @param accessTokenExpiresAt null when the access token does not expire
 * @param refreshToken null when none was issued
 */
public record OAuthCredential(String accessToken, String refreshToken, Instant accessTokenExpiresAt)
        implements Credential {

    @Override
    public AuthType type() {
        return AuthType.OAUTH;
    }

    @Override
    public String identity() {
        return null;
    }

    @Override
    public String toString() {
        return "OAuthCredential[accessToken=(secret), refreshToken=" + (refreshToken == null ? "none" : "(secret)")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}
