package io.deskbridge.desk.customfield;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The wire shapes of the OAS ({@code TicketFieldObject}, {@code CustomFieldObject}, options). */
final class CustomFieldJson {

    private CustomFieldJson() {}

    /** {@code TicketFieldObject}; options only on drop-downs and multiselects, as Zendesk sends them. */
    record TicketField(
            String url,
            long id,
            String type,
            String title,
            String rawTitle,
            String description,
            String rawDescription,
            String agentDescription,
            int position,
            boolean active,
            boolean required,
            boolean collapsedForAgents,
            String regexpForValidation,
            String titleInPortal,
            String rawTitleInPortal,
            boolean visibleInPortal,
            boolean editableInPortal,
            boolean requiredInPortal,
            String tag,
            Instant createdAt,
            Instant updatedAt,
            boolean removable,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Option> customFieldOptions,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<SystemOption> systemFieldOptions) {}

    /** {@code CustomFieldObject} (user and organization fields); {@code tag} only on checkboxes. */
    record AccountField(
            String url,
            long id,
            String type,
            String key,
            String title,
            String rawTitle,
            String description,
            String rawDescription,
            int position,
            boolean active,
            boolean system,
            String regexpForValidation,
            @JsonInclude(JsonInclude.Include.NON_NULL) String tag,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Option> customFieldOptions) {}

    /** {@code CustomFieldOptionObject}. */
    record Option(String url, long id, String name, String rawName, String value, int position) {}

    /** {@code SystemFieldOptionObject}. */
    record SystemOption(String name, String value) {}

    record TicketFieldEnvelope(TicketField ticketField) {}

    record UserFieldEnvelope(AccountField userField) {}

    record OrganizationFieldEnvelope(AccountField organizationField) {}

    record OptionEnvelope(Option customFieldOption) {}

    record Count(long value, Instant refreshedAt) {}

    record CountEnvelope(Count count) {}
}
