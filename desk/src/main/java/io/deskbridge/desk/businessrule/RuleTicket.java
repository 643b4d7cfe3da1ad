package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.ticket.CustomFieldValue;
import io.deskbridge.desk.ticket.RuleEdit;
import io.deskbridge.desk.ticket.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A ticket while rules run on it: the fields actions set (changing as rules fire), what the write
 * was (create or change, its comment and channel, who made it), the ticket before the write (what
 * {@code changed}, {@code value_previous} compare with) and, for automations, the hours since its
 * milestones.
 */
final class RuleTicket {

    /**
     * Whole hours since a milestone ({@code created}, {@code solved}, ...), calendar or business hours,
     * or -1 when it never happened.
     */
    interface Clockwork {
        long hoursSince(String milestone, boolean businessHours);
    }

    final Ticket saved;
    final Ticket previous;
    final boolean created;
    final Boolean commentPublic;
    final String commentBody;
    final String updateVia;
    final Long actorId;
    final Clockwork hoursSince;

    String status;
    String priority;
    String type;
    Long groupId;
    Long assigneeId;
    final LinkedHashSet<String> tags;
    final LinkedHashMap<Long, JsonNode> customFields = new LinkedHashMap<>();

    RuleTicket(
            Ticket saved,
            Ticket previous,
            Boolean commentPublic,
            String commentBody,
            String updateVia,
            Long actorId,
            Clockwork hoursSince) {
        this.saved = saved;
        this.previous = previous;
        this.created = previous == null;
        this.commentPublic = commentPublic;
        this.commentBody = commentBody;
        this.updateVia = updateVia;
        this.actorId = actorId;
        this.hoursSince = hoursSince;
        this.status = saved.status();
        this.priority = saved.priority();
        this.type = saved.type();
        this.groupId = saved.groupId();
        this.assigneeId = saved.assigneeId();
        this.tags = new LinkedHashSet<>(saved.tags());
        saved.customFields().forEach(f -> customFields.put(f.id(), f.value()));
    }

    RuleEdit edit() {
        List<CustomFieldValue> fields = new ArrayList<>();
        customFields.forEach((id, value) -> fields.add(new CustomFieldValue(id, value)));
        return new RuleEdit(status, priority, type, groupId, assigneeId, List.copyOf(tags), List.copyOf(fields));
    }

    /** The field's value now as condition text ("" for none); null for a field rules do not know. */
    String now(String field) {
        return switch (field) {
            case "status" -> text(status);
            case "priority" -> text(priority);
            case "type", "ticket_type_id" -> text(type);
            case "group_id" -> text(groupId);
            case "assignee_id" -> text(assigneeId);
            case "requester_id" -> text(saved.requesterId());
            case "organization_id" -> text(saved.organizationId());
            case "brand_id" -> text(saved.brandId());
            case "ticket_form_id" -> text(saved.ticketFormId());
            case "via_id" -> viaId(saved.viaChannel());
            case "current_via_id" -> viaId(updateVia);
            case "update_type" -> created ? "Create" : "Change";
            case "current_tags" -> String.join(" ", tags);
            default -> field.startsWith("custom_fields_") ? customText(customFields.get(customId(field))) : null;
        };
    }

    /** The field's value before the write ("" on a create). */
    String before(String field) {
        if (previous == null) {
            return "";
        }
        return switch (field) {
            case "status" -> text(previous.status());
            case "priority" -> text(previous.priority());
            case "type", "ticket_type_id" -> text(previous.type());
            case "group_id" -> text(previous.groupId());
            case "assignee_id" -> text(previous.assigneeId());
            case "requester_id" -> text(previous.requesterId());
            case "organization_id" -> text(previous.organizationId());
            case "brand_id" -> text(previous.brandId());
            case "ticket_form_id" -> text(previous.ticketFormId());
            case "via_id" -> viaId(previous.viaChannel());
            case "current_tags" -> String.join(" ", previous.tags());
            default ->
                field.startsWith("custom_fields_")
                        ? customText(previous.customFields().stream()
                                .filter(f -> Objects.equals(f.id(), customId(field)))
                                .map(CustomFieldValue::value)
                                .findFirst()
                                .orElse(null))
                        : "";
        };
    }

    static Long customId(String field) {
        String digits = field.substring("custom_fields_".length());
        return digits.matches("[0-9]{1,18}") ? Long.valueOf(digits) : -1L;
    }

    /**
     * Zendesk's via ids of desk's channels: 0 web form (desk's agent workspace), 4 email, 5 web
     * service (the API), 8 rule (triggers and automations).
     */
    static String viaId(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "web" -> "0";
            case "email" -> "4";
            case "api" -> "5";
            case "rule" -> "8";
            default -> channel;
        };
    }

    private static String customText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString("")));
            return String.join(" ", items);
        }
        return value.asString("");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
