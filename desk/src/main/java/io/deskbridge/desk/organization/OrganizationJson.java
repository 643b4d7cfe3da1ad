package io.deskbridge.desk.organization;

import io.deskbridge.desk.api.OpenValues;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An organization in Zendesk's JSON shape. */
public record OrganizationJson(
        long id,
        String url,
        String name,
        List<String> domainNames,
        String details,
        String notes,
        String externalId,
        Long groupId,
        boolean sharedTickets,
        boolean sharedComments,
        List<String> tags,
        JsonNode organizationFields,
        Instant createdAt,
        Instant updatedAt) {

    public static OrganizationJson of(Organization o, String baseUrl) {
        return new OrganizationJson(
                o.id(),
                baseUrl + "/api/v2/organizations/" + o.id() + ".json",
                o.name(),
                o.domainNames(),
                o.details(),
                o.notes(),
                o.externalId(),
                o.groupId(),
                o.sharedTickets(),
                o.sharedComments(),
                o.tags(),
                OpenValues.tree(o.organizationFields()),
                o.createdAt(),
                o.updatedAt());
    }
}
