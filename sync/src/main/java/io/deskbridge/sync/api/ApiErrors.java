package io.deskbridge.sync.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Error bodies in Zendesk's shapes, so one client library can read desk's, Zendesk's and ours. */
public final class ApiErrors {

    public static final String COULD_NOT_AUTHENTICATE = "Couldn't authenticate you";

    private ApiErrors() {}

    public static Map<String, Object> couldNotAuthenticate() {
        return Map.of("error", COULD_NOT_AUTHENTICATE);
    }

    public static Map<String, Object> recordNotFound(String description) {
        return ordered("error", "RecordNotFound", "description", description);
    }

    /** {@code details} maps a field to its problems, each {@code {"error": code, "description": text}}. */
    public static Map<String, Object> recordInvalid(Map<String, List<Map<String, String>>> details) {
        return ordered("error", "RecordInvalid", "description", "Record validation errors", "details", details);
    }

    /** The {@code {"error":..,"description":..}} form. */
    public static Map<String, Object> error(String error, String description) {
        return ordered("error", error, "description", description);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
