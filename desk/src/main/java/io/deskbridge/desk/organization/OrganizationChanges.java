package io.deskbridge.desk.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fields of a create or update; empty means "not given" (unchanged on update). */
public record OrganizationChanges(
        Optional<String> name,
        Optional<String> externalId,
        Optional<String> details,
        Optional<String> notes,
        Optional<Long> groupId,
        Optional<Boolean> sharedTickets,
        Optional<Boolean> sharedComments,
        Optional<List<String>> domainNames,
        Optional<List<String>> tags,
        Optional<Map<String, Object>> organizationFields) {}
