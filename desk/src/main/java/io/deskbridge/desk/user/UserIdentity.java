package io.deskbridge.desk.user;

import java.time.Instant;

/** One of a user's identities (Zendesk's {@code UserIdentityObject}). */
public record UserIdentity(
        long id,
        long userId,
        IdentityType type,
        String value,
        boolean verified,
        boolean primary,
        int undeliverableCount,
        Instant createdAt,
        Instant updatedAt) {}
