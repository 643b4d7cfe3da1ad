package io.deskbridge.sync.automation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A ticket's values as rules compare them: canonical field name → text, absent when empty. Ids are
 * their decimal text, tags sorted and joined by one space, a custom field's list value joined too.
 */
final class Snapshot {

    static final List<String> TICKET_FIELDS = List.of(
            "status",
            "priority",
            "type",
            "group_id",
            "assignee_id",
            "requester_id",
            "organization_id",
            "subject",
            "via_id",
            "current_tags");

    private Snapshot() {}

    static Map<String, String> of(JsonNode ticket) {
        Map<String, String> values = new TreeMap<>();
        if (ticket == null) {
            return values;
        }
        for (String field : TICKET_FIELDS) {
            String value = switch (field) {
                case "via_id" -> text(ticket.path("via").get("channel"));
                case "current_tags" -> tags(ticket.get("tags"));
                default -> text(ticket.get(field));
            };
            if (value != null) {
                values.put(field, value);
            }
        }
        JsonNode custom = ticket.get("custom_fields");
        if (custom != null && custom.isArray()) {
            for (JsonNode f : custom) {
                String value = text(f.get("value"));
                if (f.hasNonNull("id") && value != null) {
                    values.put("custom_fields_" + f.get("id").asString(), value);
                }
            }
        }
        return values;
    }

    /** Field → [from, to] for every field whose value differs (all set fields of a new ticket). */
    static Map<String, List<String>> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, List<String>> diff = new LinkedHashMap<>();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            String from = before.get(field);
            String to = after.get(field);
            if (from == null ? to != null : !from.equals(to)) {
                List<String> pair = new ArrayList<>(2);
                pair.add(from);
                pair.add(to);
                diff.put(field, pair);
            }
        }
        return diff;
    }

    /** A JSON value as rules compare it; null for null, missing and empty text. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            return tags(node);
        }
        String text = node.isString() ? node.asString() : node.toString();
        return text.isEmpty() ? null : text;
    }

    /** Tags (an array, or text separated by spaces) sorted and joined by one space; null when none. */
    static String tags(JsonNode node) {
        TreeSet<String> tags = tagSet(node);
        return tags.isEmpty() ? null : String.join(" ", tags);
    }

    static TreeSet<String> tagSet(JsonNode node) {
        TreeSet<String> tags = new TreeSet<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (node.isArray()) {
            node.forEach(t -> addWords(tags, t.asString()));
        } else {
            addWords(tags, node.asString());
        }
        return tags;
    }

    static TreeSet<String> tagSet(String joined) {
        TreeSet<String> tags = new TreeSet<>();
        addWords(tags, joined);
        return tags;
    }

    private static void addWords(TreeSet<String> into, String text) {
        if (text == null) {
            return;
        }
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                into.add(word);
            }
        }
    }
}
