package io.deskbridge.desk.ticket;

import java.util.List;

/** The ticket fields business rules may set, as they stand after the rules ran. */
public record RuleEdit(
        String status,
        String priority,
        String type,
        Long groupId,
        Long assigneeId,
        List<String> tags,
        List<CustomFieldValue> customFields) {

    public static RuleEdit of(Ticket t) {
        return new RuleEdit(
                t.status(), t.priority(), t.type(), t.groupId(), t.assigneeId(), t.tags(), t.customFields());
    }
}
