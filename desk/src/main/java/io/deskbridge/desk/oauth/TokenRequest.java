package io.deskbridge.desk.oauth;

/**
 * The parameters of {@code POST /oauth/tokens}, from a JSON or a form body (client credentials may
 * also come from an HTTP Basic header). Lifetimes in seconds; null when not given.
 */
public record TokenRequest(
        String grantType,
        String clientId,
        String clientSecret,
        String code,
        String redirectUri,
        String codeVerifier,
        String refreshToken,
        String scope,
        Long expiresIn,
        Long refreshTokenExpiresIn) {}
