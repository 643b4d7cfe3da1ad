package io.deskbridge.desk.apitoken;

import java.time.Instant;

/**
 * What an admin asks for when adding a token.
 *
 * @param expiresAt null together with {@code neverExpires}; otherwise required
 */
public record NewApiToken(
        String description,
        TokenScope scope,
        AuthenticatesAs authenticatesAs,
        Instant expiresAt,
        boolean neverExpires) {}
