package io.deskbridge.desk.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one resource object of a request body ({@code {"ticket": {...}}}) with the types Zendesk
 * documents, and refuses wrong types with a 422 naming the field and the value's JSON type (never the
 * value itself: it could be a secret pasted in the wrong place).
 */
public final class Input {

    /**
     * Tags in one list. Decision: Zendesk documents no count; desk refuses more than this with a 422
     * so that a record's tags, and the audit event that lists them before and after, always fit.
     */
    public static final int MAX_TAGS = 1000;

    private final JsonNode node;

    private Input(JsonNode node) {
        this.node = node;
    }

    /** The object under {@code envelope}; 400 when the body has none. */
    public static Input envelope(JsonNode body, String envelope) {
        JsonNode node = body == null ? null : body.get(envelope);
        if (node == null || !node.isObject()) {
            throw new BadRequestException(
                    "InvalidRequest", "The request body must be a JSON object with a \"" + envelope + "\" object");
        }
        return new Input(node);
    }

    public static Input of(JsonNode node) {
        return new Input(node);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public JsonNode raw(String field) {
        return node.get(field);
    }

    /** Present and not null. */
    public boolean present(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public Optional<String> string(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber() || value.isBoolean()) {
            return Optional.of(value.asString());
        }
        if (!value.isString()) {
            throw invalid(field, "must be a string, not " + type(value));
        }
        String text = value.stringValue();
        if (text.length() > maxLength) {
            throw invalid(field, "is " + text.length() + " characters; the maximum is " + maxLength);
        }
        return Optional.of(text);
    }

    public Optional<Long> id(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
            return Optional.of(value.longValue());
        }
        if (value.isString() && value.stringValue().matches("[1-9][0-9]{0,17}")) {
            return Optional.of(Long.parseLong(value.stringValue()));
        }
        throw invalid(field, "must be a positive whole number, not " + type(value));
    }

    /**
     * A position (ticket fields, forms, rules): a whole number from 0, as Zendesk accepts — the Zendesk
     * Java client always sends {@code "position": 0} for a new form, trigger or automation.
     */
    public Optional<Integer> position(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            return Optional.of(value.intValue());
        }
        if (value.isString() && value.stringValue().matches("0|[1-9][0-9]{0,8}")) {
            return Optional.of(Integer.parseInt(value.stringValue()));
        }
        throw invalid(field, "must be from 0 to " + Integer.MAX_VALUE);
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isString() && ("true".equals(value.stringValue()) || "false".equals(value.stringValue()))) {
            return Optional.of(Boolean.parseBoolean(value.stringValue()));
        }
        throw invalid(field, "must be true or false, not " + type(value));
    }

    /** One of {@code allowed} (lower case); null and absent are empty. */
    public Optional<String> oneOf(String field, List<String> allowed) {
        Optional<String> value = string(field, 64).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw invalid(field, "\"" + value.get() + "\" is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    public Optional<Instant> instant(String field) {
        Optional<String> value = string(field, 64);
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(field, "\"" + value.get() + "\" is not an ISO-8601 date-time such as 2026-11-27T10:00:00Z");
        }
    }

    /** Tags Zendesk-style: lower-cased, spaces become separate tags, duplicates dropped. */
    public Optional<List<String>> tags(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        List<String> raw = new ArrayList<>();
        if (value.isString()) {
            raw.add(value.stringValue());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    throw invalid(field, "must be a list of strings");
                }
                raw.add(item.stringValue());
            }
        } else {
            throw invalid(field, "must be a list of strings, not " + type(value));
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (raw.size() > MAX_TAGS) {
            throw invalid(field, raw.size() + " tags; the maximum is " + MAX_TAGS);
        }
        for (String item : raw) {
            for (String tag : item.trim().split("[\\s,]+")) {
                if (!tag.isEmpty()) {
                    if (tag.length() > 255) {
                        throw invalid(field, "a tag is longer than 255 characters");
                    }
                    tags.add(tag.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw invalid(field, tags.size() + " tags; the maximum is " + MAX_TAGS);
        }
        return Optional.of(List.copyOf(tags));
    }

    public Optional<List<Long>> ids(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be a list of ids, not " + type(value));
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw invalid(field, "must be a list of ids");
            }
            ids.add(item.longValue());
        }
        return Optional.of(List.copyOf(new LinkedHashSet<>(ids)));
    }

    public Optional<Map<String, Object>> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object, not " + type(value));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.properties().forEach(e -> map.put(e.getKey(), scalar(e.getValue())));
        return Optional.of(map);
    }

    public Optional<Input> child(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object, not " + type(value));
        }
        return Optional.of(new Input(value));
    }

    static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            return value.stringValue();
        }
        return value.toString();
    }

    public static RecordInvalidException invalid(String field, String problem) {
        return new RecordInvalidException(field, "InvalidValue", label(field) + ": " + problem);
    }

    public static RecordInvalidException blank(String field) {
        return new RecordInvalidException(field, "BlankValue", label(field) + ": cannot be blank");
    }

    public static String label(String field) {
        if (field.isEmpty()) {
            return "Value";
        }
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String type(JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
