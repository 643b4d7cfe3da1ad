package io.deskbridge.desk.apitoken;

import java.time.Instant;

/** One row of {@code api_tokens}, without its hashes. */
record TokenRow(
        long id,
        long ownerId,
        String ownerName,
        String description,
        String hint,
        TokenScope scope,
        AuthenticatesAs authenticatesAs,
        boolean active,
        Instant deactivatedAt,
        String deactivationReason,
        Instant expiresAt,
        Instant previousValidUntil,
        Instant rotatedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        Instant createdAt,
        Instant updatedAt) {}
