package io.deskbridge.sync.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an export page's JSON in one streaming pass: the page's own top-level scalars ({@code
 * after_cursor}, {@code end_of_stream}, {@code end_time}) and, for each object of its records array,
 * the record's JSON text (a copy of its byte range in the page) with the top-level scalar fields that
 * are asked for. Nested objects and arrays of a record are skipped, except one named array of child
 * records (a ticket event's {@code child_events}), read the same way. No tree is built.
 */
final class PageReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The page's JSON is not an object, or not JSON at all. */
    static final class MalformedPageException extends RuntimeException {
        MalformedPageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One element of the records array.
     *
     * @param record its text (null unless asked for) and scalar fields
     * @param children the child records (empty unless a child array was asked for)
     */
    record Item(RawRecord record, List<RawRecord> children) {}

    /**
     * @param items the objects of the records array, in page order
     * @param top the page's top-level scalars
     * @param hasRecordsArray whether the page carried the records array at all
     */
    record Page(List<Item> items, RawRecord top, boolean hasRecordsArray) {}

    /** What to read of a page. */
    record Shape(String key, Set<String> fields, boolean keepText, String childKey, Set<String> childFields) {

        static Shape records(String key, Set<String> fields) {
            return new Shape(key, fields, true, null, Set.of());
        }
    }

    private PageReader() {}

    static Page read(byte[] body, Shape shape) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPageException("the export page is not a JSON object", null);
            }
            List<Item> items = new ArrayList<>();
            Map<String, Object> top = new HashMap<>();
            boolean hasArray = false;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(shape.key()) && value == JsonToken.START_ARRAY) {
                    hasArray = true;
                    JsonToken element;
                    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (element == JsonToken.START_OBJECT) {
                            items.add(item(p, body, shape));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else {
                    top.put(name, scalar(p, value));
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new MalformedPageException("the export page's JSON ends early", null);
            }
            return new Page(items, new RawRecord(null, top), hasArray);
        } catch (JacksonException e) {
            throw new MalformedPageException("the export page is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The object the parser is at (its START_OBJECT), read to its END_OBJECT. */
    private static Item item(JsonParser p, byte[] body, Shape shape) {
        long start = p.currentTokenLocation().getByteOffset();
        Map<String, Object> fields = new HashMap<>();
        List<RawRecord> children = List.of();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && name.equals(shape.childKey())) {
                children = new ArrayList<>();
                JsonToken element;
                while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (element == JsonToken.START_OBJECT) {
                        children.add(child(p, body, shape.childFields()));
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (shape.fields().contains(name)) {
                fields.put(name, scalar(p, value));
            }
        }
        String text = null;
        if (shape.keepText()) {
            long end = p.currentTokenLocation().getByteOffset() + 1;
            text = new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8);
        }
        return new Item(new RawRecord(text, fields), children);
    }

    private static RawRecord child(JsonParser p, byte[] body, Set<String> wanted) {
        long start = p.currentTokenLocation().getByteOffset();
        Map<String, Object> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (wanted.contains(name)) {
                fields.put(name, scalar(p, value));
            }
        }
        long end = p.currentTokenLocation().getByteOffset() + 1;
        return new RawRecord(new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8), fields);
    }

    private static Object scalar(JsonParser p, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT, LONG -> p.getLongValue();
                    default -> p.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
