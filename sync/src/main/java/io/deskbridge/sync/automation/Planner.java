package io.deskbridge.sync.automation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a rule's (validated) actions into the one ticket update they make, and tells whether a
 * ticket change is exactly what such an update produces (the cycle guard's test).
 */
final class Planner {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PLAIN = Set.of("status", "priority", "type", "group_id", "assignee_id");

    private Planner() {}

    static Plan plan(List<Action> actions) {
        ObjectNode update = NODES.objectNode();
        String notify = null;
        for (Action action : actions) {
            String field = action.field();
            JsonNode value = action.value();
            if (PLAIN.contains(field)) {
                update.set(field, value);
            } else if (field.equals("add_tags")) {
                appendTags(update, "additional_tags", value);
            } else if (field.equals("remove_tags")) {
                appendTags(update, "remove_tags", value);
            } else if (field.equals("set_tags")) {
                appendTags(update, "tags", value);
            } else if (RuleFields.isCustom(field)) {
                ArrayNode custom = update.has("custom_fields")
                        ? (ArrayNode) update.get("custom_fields")
                        : update.putArray("custom_fields");
                custom.addObject().put("id", RuleFields.customFieldId(field)).set("value", value);
            } else if (field.equals("internal_note") || field.equals("public_reply")) {
                update.putObject("comment").put("body", value.asString()).put("public", field.equals("public_reply"));
            } else if (field.equals("notify")) {
                notify = value.asString();
            }
        }
        return new Plan(update.isEmpty() ? null : update, notify, List.copyOf(actions));
    }

    /** Whether the ticket's values already are everything {@code update} sets (its comment aside). */
    static boolean holds(JsonNode update, Map<String, String> values) {
        for (String field : PLAIN) {
            if (update.has(field) && !same(Snapshot.text(update.get(field)), values.get(field))) {
                return false;
            }
        }
        TreeSet<String> tags = Snapshot.tagSet(values.get("current_tags"));
        if (update.has("tags")) {
            TreeSet<String> set = Snapshot.tagSet(update.get("tags"));
            set.addAll(Snapshot.tagSet(update.get("additional_tags")));
            set.removeAll(Snapshot.tagSet(update.get("remove_tags")));
            if (!tags.equals(set)) {
                return false;
            }
        }
        if (!tags.containsAll(Snapshot.tagSet(update.get("additional_tags")))) {
            return false;
        }
        for (String removed : Snapshot.tagSet(update.get("remove_tags"))) {
            if (tags.contains(removed)) {
                return false;
            }
        }
        JsonNode custom = update.get("custom_fields");
        if (custom != null) {
            for (JsonNode f : custom) {
                if (!same(
                        Snapshot.text(f.get("value")),
                        values.get("custom_fields_" + f.get("id").asLong()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void appendTags(ObjectNode update, String name, JsonNode value) {
        ArrayNode tags = update.has(name) ? (ArrayNode) update.get(name) : update.putArray(name);
        Snapshot.tagSet(value).forEach(tags::add);
    }

    /**
     * Whether every field the change touched was changed to what {@code update} sets: the change can
     * be that update's write-back (an empty diff, a comment-only write-back's, is too).
     */
    static boolean explains(JsonNode update, Map<String, List<String>> diff) {
        if (update == null) {
            return false;
        }
        for (Map.Entry<String, List<String>> change : diff.entrySet()) {
            String field = change.getKey();
            String to = change.getValue().get(1);
            if (PLAIN.contains(field)) {
                if (!update.has(field) || !same(Snapshot.text(update.get(field)), to)) {
                    return false;
                }
            } else if (field.equals("current_tags")) {
                if (!tagsExplained(update, change.getValue())) {
                    return false;
                }
            } else if (RuleFields.isCustom(field)) {
                if (!customExplained(update, RuleFields.customFieldId(field), to)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean tagsExplained(JsonNode update, List<String> pair) {
        TreeSet<String> from = Snapshot.tagSet(pair.get(0));
        TreeSet<String> to = Snapshot.tagSet(pair.get(1));
        if (update.has("tags")) {
            TreeSet<String> set = Snapshot.tagSet(update.get("tags"));
            set.addAll(Snapshot.tagSet(update.get("additional_tags")));
            set.removeAll(Snapshot.tagSet(update.get("remove_tags")));
            return to.equals(set);
        }
        TreeSet<String> added = new TreeSet<>(to);
        added.removeAll(from);
        TreeSet<String> removed = new TreeSet<>(from);
        removed.removeAll(to);
        return Snapshot.tagSet(update.get("additional_tags")).containsAll(added)
                && Snapshot.tagSet(update.get("remove_tags")).containsAll(removed);
    }

    private static boolean customExplained(JsonNode update, long id, String to) {
        JsonNode custom = update.get("custom_fields");
        if (custom == null) {
            return false;
        }
        for (JsonNode f : custom) {
            if (f.get("id").asLong() == id && same(Snapshot.text(f.get("value")), to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
