package io.deskbridge.desk.customfield;

import java.time.Instant;
import java.util.List;

/** A ticket, user or organization field as stored, with its options in position order. */
public record FieldDefinition(
        long id,
        FieldOwner owner,
        String key,
        FieldType type,
        String title,
        String description,
        String agentDescription,
        String titleInPortal,
        int position,
        boolean active,
        boolean required,
        boolean requiredInPortal,
        boolean visibleInPortal,
        boolean editableInPortal,
        boolean collapsedForAgents,
        String regexpForValidation,
        String tag,
        boolean system,
        Instant createdAt,
        Instant updatedAt,
        List<FieldOption> options) {

    FieldDefinition withOptions(List<FieldOption> newOptions) {
        return new FieldDefinition(
                id,
                owner,
                key,
                type,
                title,
                description,
                agentDescription,
                titleInPortal,
                position,
                active,
                required,
                requiredInPortal,
                visibleInPortal,
                editableInPortal,
                collapsedForAgents,
                regexpForValidation,
                tag,
                system,
                createdAt,
                updatedAt,
                List.copyOf(newOptions));
    }
}
