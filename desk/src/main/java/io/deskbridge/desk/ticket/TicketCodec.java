package io.deskbridge.desk.ticket;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.api.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON desk keeps in the two document columns of tickets: {@code custom_fields} (open-ended
 * values) and {@code ticket_audits.events}. Snake case, like the wire, so a stored audit is what the
 * API shows.
 */
final class TicketCodec {

    private static final Logger LOG = LoggerFactory.getLogger(TicketCodec.class);

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

    /**
     * Parsed custom field texts by their text. Parsing them was a quarter of desk's CPU for a cursor
     * page of 100 tickets (JFR, issue 16), and tickets of one account repeat a few combinations of
     * values. Only texts of at most {@link #CACHED_TEXT_MAX} characters whose values are all scalars
     * are kept (a scalar {@link JsonNode} is immutable, so the shared list cannot be changed by a
     * reader); bounded by the characters held.
     */
    private static final int CACHED_TEXT_MAX = 1_000;

    private static final Cache<String, List<CustomFieldValue>> PARSED = Caffeine.newBuilder()
            .maximumWeight(2_000_000)
            .<String, List<CustomFieldValue>>weigher((text, values) -> text.length())
            .build();

    /** Most tickets have no custom field values: those rows are never parsed. */
    static List<CustomFieldValue> customFields(String text) {
        if (text == null || text.isEmpty() || text.equals(NO_CUSTOM_FIELDS)) {
            return List.of();
        }
        if (text.length() > CACHED_TEXT_MAX) {
            return parse(text);
        }
        List<CustomFieldValue> cached = PARSED.getIfPresent(text);
        if (cached != null) {
            return cached;
        }
        List<CustomFieldValue> values = parse(text);
        if (values.stream().allMatch(v -> v.value() == null || v.value().isValueNode())) {
            PARSED.put(text, values);
        }
        return values;
    }

    private static List<CustomFieldValue> parse(String text) {
        List<CustomFieldValue> values = stream(text);
        return values != null ? values : List.copyOf(JSON.readValue(text, CUSTOM_FIELDS));
    }

    /**
     * The common shape, {@code [{"id":<long>,"value":<string|boolean|null|…>}, …]} as {@link
     * #customFieldsText} writes it, read with the streaming parser: binding the records through
     * databind was most of a row's mapping time when the values differ per ticket (cursor export,
     * issue 17). Values that are strings, booleans or null only; anything else (numbers, lists, other
     * keys, other order, an id that is not an integer) returns null and the text is read by databind.
     */
    static List<CustomFieldValue> stream(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<CustomFieldValue> values = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
                if (!"id".equals(p.nextName())
                        || p.nextToken() != JsonToken.VALUE_NUMBER_INT
                        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return null;
                }
                long id = p.getLongValue();
                if (!"value".equals(p.nextName())) {
                    return null;
                }
                JsonNode value = switch (p.nextToken()) {
                    case VALUE_STRING -> JsonNodeFactory.instance.stringNode(p.getString());
                    case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
                    case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
                    case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                    default -> null;
                };
                if (value == null || p.nextToken() != JsonToken.END_OBJECT) {
                    return null;
                }
                values.add(new CustomFieldValue(id, value));
            }
            if (token != JsonToken.END_ARRAY || p.nextToken() != null) {
                return null;
            }
            return List.copyOf(values);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String customFieldsText(List<CustomFieldValue> values) {
        // tickets.custom_fields is VARCHAR(16000): refused with a 422 before the database sees it.
        return values.isEmpty() ? NO_CUSTOM_FIELDS : JsonText.fitting("custom_fields", write(values), 16_000);
    }

    /**
     * A stored audit's events. Rows are read leniently, because {@code ticket_audits.events} may have
     * been written by something other than this version of desk (an older desk, a bulk SQL load such
     * as {@code bench/sync/load-comments.sql}): a comment event's {@code audit_id} is its audit's id by
     * definition and is taken from the row when missing; a missing {@code plain_body} is the body; a
     * missing attachment list is empty. An event of a type this desk does not know is left out (and
     * logged) rather than failing every read and export of the ticket with a 500.
     */
    static List<AuditEvent> events(String text, long auditId) {
        List<AuditEvent> events = new ArrayList<>();
        for (JsonNode node : JSON.readTree(text)) {
            String type = node.path("type").asString();
            Class<? extends AuditEvent> kind = switch (type) {
                case "Create" -> AuditEvent.Create.class;
                case "Change" -> AuditEvent.Change.class;
                case "Comment" -> AuditEvent.Comment.class;
                case "Notification" -> AuditEvent.Notification.class;
                default -> null;
            };
            if (kind == null) {
                LOG.warn("Audit {} holds an event of unknown type \"{}\": left out", auditId, type);
                continue;
            }
            if (kind == AuditEvent.Comment.class && node instanceof ObjectNode comment) {
                if (!comment.hasNonNull("audit_id")) {
                    comment.put("audit_id", auditId);
                }
                if (!comment.hasNonNull("plain_body") && comment.hasNonNull("body")) {
                    comment.set("plain_body", comment.get("body"));
                }
                if (!comment.hasNonNull("attachments")) {
                    comment.putArray("attachments");
                }
            }
            events.add(JSON.treeToValue(node, kind));
        }
        return List.copyOf(events);
    }

    /** The events as the maps {@link TicketChanged} carries. */
    static List<Map<String, Object>> maps(List<AuditEvent> events) {
        return events.stream().map(e -> JSON.convertValue(e, MAP)).toList();
    }
}
