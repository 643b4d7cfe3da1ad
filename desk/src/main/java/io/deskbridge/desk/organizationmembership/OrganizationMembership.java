package io.deskbridge.desk.organizationmembership;

import java.time.Instant;

/** A user's membership of an organization (derived; see package-info). */
public record OrganizationMembership(
        long id,
        long userId,
        long organizationId,
        String organizationName,
        boolean viewTickets,
        Instant createdAt,
        Instant updatedAt) {}
