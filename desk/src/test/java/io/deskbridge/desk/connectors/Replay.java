package io.deskbridge.desk.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One request of a connector, written as data so that each test class reads like its section of
 * {@code docs/connector-catalog.md}: what is sent (method, path with the query exactly as the
 * connector encodes it, body), how the connector walks the pages and when it stops, and what its
 * code reads without a default.
 *
 * <p>{@code target} and {@code body} may hold {@code {name}} placeholders, filled from the seeded
 * data and from values captured by earlier steps. Field specs are {@code "pointer:KIND"} separated
 * by spaces, the pointer relative to each record (records) or to each page body (page).
 */
record Replay(
        String name,
        String method,
        String target,
        String body,
        Walk walk,
        String resend,
        int status,
        String recordKey,
        String recordFields,
        String pageFields,
        boolean requiresRecords,
        Map<String, String> captures,
        Consumer<List<JsonNode>> also) {

    static Replay get(String name, String target) {
        return new Replay(name, "GET", target, null, Walk.SINGLE, "", 200, null, "", "", false, Map.of(), r -> {});
    }

    static Replay send(String name, String method, String target, String body, int status) {
        return new Replay(name, method, target, body, Walk.SINGLE, "", status, null, "", "", false, Map.of(), r -> {});
    }

    Replay walk(Walk value) {
        return new Replay(
                name,
                method,
                target,
                body,
                value,
                resend,
                status,
                recordKey,
                recordFields,
                pageFields,
                requiresRecords,
                captures,
                also);
    }

    /** Parameters the connector sends again on every later page, next to the next-page URL. */
    Replay resend(String value) {
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                value,
                status,
                recordKey,
                recordFields,
                pageFields,
                requiresRecords,
                captures,
                also);
    }

    Replay status(int value) {
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                resend,
                value,
                recordKey,
                recordFields,
                pageFields,
                requiresRecords,
                captures,
                also);
    }

    Replay records(String key, String fields) {
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                resend,
                status,
                key,
                fields,
                pageFields,
                requiresRecords,
                captures,
                also);
    }

    Replay page(String fields) {
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                resend,
                status,
                recordKey,
                recordFields,
                fields,
                requiresRecords,
                captures,
                also);
    }

    Replay nonEmpty() {
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                resend,
                status,
                recordKey,
                recordFields,
                pageFields,
                true,
                captures,
                also);
    }

    /** Remembers {@code pointer} of the first page as {@code {variable}} for later steps. */
    Replay capture(String variable, String pointer) {
        Map<String, String> more = new java.util.LinkedHashMap<>(captures);
        more.put(variable, pointer);
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                resend,
                status,
                recordKey,
                recordFields,
                pageFields,
                requiresRecords,
                Map.copyOf(more),
                also);
    }

    /** A further check on all the records read, for what a connector's own extractor does. */
    Replay also(Consumer<List<JsonNode>> check) {
        return new Replay(
                name,
                method,
                target,
                body,
                walk,
                resend,
                status,
                recordKey,
                recordFields,
                pageFields,
                requiresRecords,
                captures,
                check);
    }

    /** How the connector goes from one page to the next, and when it stops. */
    enum Walk {
        /** One request, no paging. */
        SINGLE,
        /** {@code next_page} verbatim until it is null or a page is empty (Airbyte P1/P2, dlt OFFSET, zenpy, n8n). */
        NEXT_PAGE,
        /** {@code links.next} verbatim while {@code meta.has_more} (Airbyte P3/P7, dlt CURSOR; both read strictly). */
        LINKS_NEXT,
        /** {@code after_url} verbatim until {@code end_of_stream} (Airbyte P4). */
        AFTER_URL,
        /** {@code next_page} verbatim until {@code end_of_stream} (Airbyte P5, dlt STREAM). */
        NEXT_PAGE_UNTIL_END_OF_STREAM,
        /** {@code before_url} verbatim until a page is empty or it is null (Airbyte P6). */
        BEFORE_URL,
        /** The base URL again with {@code cursor=<after_cursor>} until {@code end_of_stream} (tap-zendesk exports). */
        CURSOR_PARAMETER,
        /** The first query again plus {@code page[after]=<meta.after_cursor>} while {@code meta.has_more} (tap-zendesk). */
        PAGE_AFTER_PARAMETER,
        /**
         * zenpy's time-based generator: {@code next_page} verbatim; stops on {@code end_of_stream}, a null
         * {@code next_page}, an empty page, or {@code end_time} within five minutes of now.
         */
        ZENPY_INCREMENTAL
    }

    /** Types a connector's code or schema needs. */
    enum Kind {
        INT,
        STRING,
        BOOL,
        ARRAY,
        OBJECT,
        /** Second-precision UTC, {@code 2026-01-02T03:04:05Z}. */
        ISO,
        /** The key is present; null or second-precision UTC. */
        ISO_OR_NULL,
        /** The key is present, any value (null included). */
        PRESENT,
        /** The key is present; a string or null. */
        STRING_OR_NULL;

        private static final Pattern SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

        boolean accepts(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return false;
            }
            return switch (this) {
                case INT -> node.isIntegralNumber();
                case STRING -> node.isString();
                case BOOL -> node.isBoolean();
                case ARRAY -> node.isArray();
                case OBJECT -> node.isObject();
                case ISO -> node.isString() && SECONDS.matcher(node.asString()).matches();
                case ISO_OR_NULL ->
                    node.isNull()
                            || (node.isString()
                                    && SECONDS.matcher(node.asString()).matches());
                case PRESENT -> true;
                case STRING_OR_NULL -> node.isNull() || node.isString();
            };
        }
    }

    /** Asserts {@code spec} ({@code "pointer:KIND ..."}) on {@code node}; {@code where} names it in failures. */
    static void assertFields(JsonNode node, String spec, String where) {
        for (String field : spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+")) {
            int colon = field.lastIndexOf(':');
            String pointer = "/" + field.substring(0, colon);
            Kind kind = Kind.valueOf(field.substring(colon + 1));
            JsonNode value = node.at(pointer);
            assertThat(kind.accepts(value))
                    .as("%s: %s must be %s, was %s in %s", where, pointer, kind, value, abbreviate(node))
                    .isTrue();
        }
    }

    static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    static List<JsonNode> recordsOf(JsonNode page, String key) {
        JsonNode value = page.at("/" + key);
        assertThat(value.isArray() || value.isObject())
                .as("record key %s must be a list or an object in %s", key, abbreviate(page))
                .isTrue();
        List<JsonNode> records = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(records::add);
        } else {
            records.add(value);
        }
        return records;
    }
}
