package io.deskbridge.desk.agent;

import io.deskbridge.desk.ticket.AuditEvent;
import io.deskbridge.desk.ticket.TicketAudit;
import io.deskbridge.desk.ticket.TicketComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the ticket page shows of a ticket's history, worked out from its comments and audits. */
final class TicketPageModel {

    private TicketPageModel() {}

    /** One comment of the conversation. */
    record Entry(long id, String author, long authorId, boolean isPublic, String body, String via, Instant at) {}

    /** One audit: who changed what, through which channel, and when. */
    record Change(long id, String author, String via, Instant at, List<String> lines) {}

    static List<Entry> conversation(List<TicketComment> comments, Map<Long, String> userNames) {
        return comments.stream()
                .map(c -> new Entry(
                        c.id(),
                        userNames.getOrDefault(c.authorId(), "User " + c.authorId()),
                        c.authorId(),
                        c.isPublic(),
                        c.plainBody(),
                        c.viaChannel(),
                        c.createdAt()))
                .toList();
    }

    static List<Change> audits(List<TicketAudit> audits, Map<Long, String> userNames, Map<Long, String> groupNames) {
        List<Change> changes = new ArrayList<>();
        for (TicketAudit a : audits) {
            List<String> lines = new ArrayList<>();
            for (AuditEvent e : a.events()) {
                lines.add(line(e, userNames, groupNames));
            }
            String author =
                    a.authorId() == null ? "desk" : userNames.getOrDefault(a.authorId(), "User " + a.authorId());
            changes.add(new Change(a.id(), author, a.viaChannel(), a.createdAt(), lines));
        }
        return changes;
    }

    private static String line(AuditEvent e, Map<Long, String> userNames, Map<Long, String> groupNames) {
        if (e instanceof AuditEvent.Create c) {
            return label(c.fieldName()) + ": " + value(c.fieldName(), c.value(), userNames, groupNames);
        }
        if (e instanceof AuditEvent.Change c) {
            return label(c.fieldName()) + ": " + value(c.fieldName(), c.previousValue(), userNames, groupNames) + " → "
                    + value(c.fieldName(), c.value(), userNames, groupNames);
        }
        if (e instanceof AuditEvent.Notification n) {
            return "Notification: " + n.subject();
        }
        return ((AuditEvent.Comment) e).isPublic() ? "Public reply added" : "Internal note added";
    }

    private static String label(String field) {
        return switch (field) {
            case "requester_id" -> "Requester";
            case "assignee_id" -> "Assignee";
            case "group_id" -> "Group";
            case "organization_id" -> "Organization";
            case "external_id" -> "External id";
            case "due_at" -> "Due";
            case "custom_fields" -> "Custom fields";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    private static String value(
            String field, JsonNode value, Map<Long, String> userNames, Map<Long, String> groupNames) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "—";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isString() ? v.stringValue() : v.toString()));
            return items.isEmpty() ? "—" : String.join(" ", items);
        }
        if (value.isNumber() && (field.equals("requester_id") || field.equals("assignee_id"))) {
            return userNames.getOrDefault(value.longValue(), "User " + value.longValue());
        }
        if (value.isNumber() && field.equals("group_id")) {
            return groupNames.getOrDefault(value.longValue(), "Group " + value.longValue());
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
