package io.deskbridge.desk.organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An organization (a customer company) as the rest of desk sees it. */
public record Organization(
        long id,
        String name,
        String externalId,
        String details,
        String notes,
        Long groupId,
        boolean sharedTickets,
        boolean sharedComments,
        List<String> domainNames,
        List<String> tags,
        Map<String, Object> organizationFields,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {}
