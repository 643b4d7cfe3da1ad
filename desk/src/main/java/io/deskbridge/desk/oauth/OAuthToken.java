package io.deskbridge.desk.oauth;

import java.time.Instant;

/**
 * One issued access token (with its refresh token, if any), as listed: never the values, only their
 * first characters.
 *
 * @param familyId the first token of its refresh chain; every refresh adds one to the same family
 * @param grantType how the family began: {@link GrantType#AUTHORIZATION_CODE} or {@link GrantType#CLIENT_CREDENTIALS}
 */
public record OAuthToken(
        long id,
        long clientId,
        long userId,
        long familyId,
        GrantType grantType,
        OAuthScopes scopes,
        String accessHint,
        Instant accessExpiresAt,
        String refreshHint,
        Instant refreshExpiresAt,
        Instant revokedAt,
        String revocationReason,
        Instant createdAt) {}
