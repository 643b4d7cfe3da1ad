package io.deskbridge.desk.oauth;

import java.time.Instant;
import java.util.List;

/**
 * A registered OAuth client as admins see it; never its secret.
 *
 * @param userId the admin who created it; client-credentials tokens run as this user
 * @param hasSecret false for public clients and for a client made confidential that has no secret yet
 */
public record OAuthClient(
        long id,
        String name,
        String identifier,
        String company,
        String description,
        OAuthClientKind kind,
        List<String> redirectUris,
        boolean hasSecret,
        long userId,
        Instant createdAt,
        Instant updatedAt) {}
