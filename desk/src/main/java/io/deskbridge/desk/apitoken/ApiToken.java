package io.deskbridge.desk.apitoken;

import java.time.Instant;

/**
 * An API token as admins see it: never its value.
 *
 * @param previousValueValidUntil while a rotated-away value still works, until when
 */
public record ApiToken(
        long id,
        long ownerId,
        String ownerName,
        String description,
        String maskedValue,
        TokenScope scope,
        AuthenticatesAs authenticatesAs,
        TokenStatus status,
        boolean active,
        Instant expiresAt,
        Instant lastUsedAt,
        String lastUsedIp,
        Instant createdAt,
        Instant updatedAt,
        Instant deactivatedAt,
        String deactivationReason,
        Instant rotatedAt,
        Instant previousValueValidUntil) {}
