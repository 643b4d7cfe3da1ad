package io.deskbridge.desk.api;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON stored in text columns (tags, custom fields, id lists): the same on H2 and PostgreSQL. */
public final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    private JsonText() {}

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * {@code value} as stored JSON text, refused with a 422 naming {@code field} when the text is longer
     * than its column ({@code maxLength} characters): checked here, before the database sees it.
     */
    public static String write(String field, Object value, int maxLength) {
        return fitting(field, JSON.writeValueAsString(value), maxLength);
    }

    /** {@code text}, or a 422 naming {@code field} when it is longer than {@code maxLength} characters. */
    public static String fitting(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new RecordInvalidException(
                    field,
                    "TooLong",
                    Input.label(field) + ": " + text.length() + " characters once stored; the maximum is " + maxLength);
        }
        return text;
    }

    public static List<String> strings(String text) {
        return text == null || text.isBlank() ? List.of() : JSON.readValue(text, STRINGS);
    }

    public static List<Long> longs(String text) {
        return text == null || text.isBlank() ? List.of() : JSON.readValue(text, LONGS);
    }

    public static Map<String, Object> object(String text) {
        return text == null || text.isBlank() ? Map.of() : JSON.readValue(text, OBJECT);
    }

    public static List<Map<String, Object>> objects(String text) {
        return text == null || text.isBlank() ? List.of() : JSON.readValue(text, OBJECTS);
    }
}
