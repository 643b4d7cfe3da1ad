package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON desk keeps in the two document columns of tickets: {@code custom_fields} (open-ended
 * values) and {@code ticket_audits.events}. Snake case, like the wire, so a stored audit is what the
 * API shows.
 */
final class TicketCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final TypeReference<List<CustomFieldValue>> CUSTOM_FIELDS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    static final String NO_CUSTOM_FIELDS = "[]";

    private TicketCodec() {}

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Most tickets have no custom field values: those rows are never parsed. */
    static List<CustomFieldValue> customFields(String text) {
        if (text == null || text.isEmpty() || text.equals(NO_CUSTOM_FIELDS)) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(text, CUSTOM_FIELDS));
    }

    static String customFieldsText(List<CustomFieldValue> values) {
        // tickets.custom_fields is VARCHAR(16000): refused with a 422 before the database sees it.
        return values.isEmpty() ? NO_CUSTOM_FIELDS : JsonText.fitting("custom_fields", write(values), 16_000);
    }

    static List<AuditEvent> events(String text) {
        List<AuditEvent> events = new ArrayList<>();
        for (JsonNode node : JSON.readTree(text)) {
            Class<? extends AuditEvent> type = switch (node.path("type").asString()) {
                case "Create" -> AuditEvent.Create.class;
                case "Change" -> AuditEvent.Change.class;
                case "Comment" -> AuditEvent.Comment.class;
                default ->
                    throw new IllegalStateException("Stored audit event of unknown type \""
                            + node.path("type").asString() + "\"");
            };
            events.add(JSON.treeToValue(node, type));
        }
        return List.copyOf(events);
    }

    /** The events as the maps {@link TicketChanged} carries. */
    static List<Map<String, Object>> maps(List<AuditEvent> events) {
        return events.stream().map(e -> JSON.convertValue(e, MAP)).toList();
    }
}
