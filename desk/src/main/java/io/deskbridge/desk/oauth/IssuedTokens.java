package io.deskbridge.desk.oauth;

/**
 * A token response's values: the only moment they exist outside the client.
 *
 * @param refreshToken null for client credentials (RFC 6749 4.4.3: no refresh token)
 */
public record IssuedTokens(
        long tokenId,
        String accessToken,
        long expiresIn,
        String refreshToken,
        Long refreshExpiresIn,
        OAuthScopes scopes) {}
