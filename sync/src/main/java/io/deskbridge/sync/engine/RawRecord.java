package io.deskbridge.sync.engine;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of an export page as sync keeps it: its JSON text exactly as the page carried it (what
 * the store writes to {@code record_json}, never serialised again) and the top-level scalar fields the
 * engine and the store read ({@code id}, versions, the derived columns). A JSON null is kept as a
 * present field with a null value, like {@link JsonNode#has} and {@code isNull} tell apart.
 *
 * <p>Decision: no tree per record. Parsing each page into a tree and serialising every record again
 * held each record as bytes, a tree and a String; with 1,000-record pages GC was sync's largest cost
 * (BENCHMARKS.md, issue 5). Code that wants the whole record (the change listeners) parses the text
 * with {@link #tree()}.
 *
 * @param json the record's JSON text
 * @param fields top-level scalar fields: String, Long, BigInteger, Double, Boolean or null
 */
record RawRecord(String json, Map<String, Object> fields) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A record built from a tree (tests, seeds): its text and every top-level scalar field. */
    static RawRecord of(JsonNode node) {
        Map<String, Object> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                fields.put(e.getKey(), null);
            } else if (v.isString()) {
                fields.put(e.getKey(), v.asString());
            } else if (v.isBoolean()) {
                fields.put(e.getKey(), v.asBoolean());
            } else if (v.isIntegralNumber()) {
                fields.put(e.getKey(), v.canConvertToLong() ? (Object) v.asLong() : v.bigIntegerValue());
            } else if (v.isNumber()) {
                fields.put(e.getKey(), v.asDouble());
            }
        }
        return new RawRecord(JSON.writeValueAsString(node), fields);
    }

    /** The whole record as a tree, parsed from its text (each call parses again). */
    JsonNode tree() {
        return JSON.readTree(json);
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    boolean isNumber(String field) {
        return fields.get(field) instanceof Number;
    }

    boolean isString(String field) {
        return fields.get(field) instanceof String;
    }

    boolean isBoolean(String field) {
        return fields.get(field) instanceof Boolean;
    }

    /** The field as text (a number or boolean as its JSON text); null when absent or JSON null. */
    String text(String field) {
        Object v = fields.get(field);
        return v == null ? null : v instanceof String s ? s : String.valueOf(v);
    }

    /** A number as a long; numeric text parsed; {@code otherwise} when absent, null or not a number. */
    long asLong(String field, long otherwise) {
        Object v = fields.get(field);
        if (v instanceof Number n) {
            return n instanceof BigInteger b ? b.longValue() : n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    /** A boolean (numbers: non-zero; text "true"/"false"); {@code otherwise} when absent, null or other. */
    boolean asBoolean(String field, boolean otherwise) {
        Object v = fields.get(field);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            String t = s.strip();
            return "true".equals(t) || (!"false".equals(t) && otherwise);
        }
        return otherwise;
    }
}
