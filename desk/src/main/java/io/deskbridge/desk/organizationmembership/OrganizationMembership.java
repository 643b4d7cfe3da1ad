package io.deskbridge.desk.organizationmembership;

import java.time.Instant;

/** A user's membership of an organization; {@code isDefault} marks the one users.organization_id names. */
public record OrganizationMembership(
        long id,
        long userId,
        long organizationId,
        String organizationName,
        boolean isDefault,
        boolean viewTickets,
        Instant createdAt,
        Instant updatedAt) {}
