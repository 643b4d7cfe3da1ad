package io.deskbridge.sync.automation;

import static io.deskbridge.sync.automation.Operator.CHANGED;
import static io.deskbridge.sync.automation.Operator.CHANGED_FROM;
import static io.deskbridge.sync.automation.Operator.CHANGED_TO;
import static io.deskbridge.sync.automation.Operator.CONTAINS;
import static io.deskbridge.sync.automation.Operator.GREATER_THAN;
import static io.deskbridge.sync.automation.Operator.INCLUDES;
import static io.deskbridge.sync.automation.Operator.IS;
import static io.deskbridge.sync.automation.Operator.IS_NOT;
import static io.deskbridge.sync.automation.Operator.LESS_THAN;
import static io.deskbridge.sync.automation.Operator.NOT_CHANGED;
import static io.deskbridge.sync.automation.Operator.NOT_CONTAINS;
import static io.deskbridge.sync.automation.Operator.NOT_INCLUDES;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The condition fields rules know, by Zendesk's trigger names ({@code status}, {@code group_id},
 * {@code current_tags}, {@code custom_fields_<id>}, {@code comment_includes_word}, {@code
 * comment_is_public}, {@code via_id}, and the automations' {@code hours_since_*}), each with the
 * operators it takes. Decision: the plain names the issue uses ({@code group}, {@code tags}, {@code
 * comment_text}, {@code via}, ...) are accepted too and stored as Zendesk's; {@code via_id} compares
 * the channel's name ({@code web}, {@code email}, {@code api}), not Zendesk's numeric via ids.
 */
final class RuleFields {

    enum Kind {
        ORDERED,
        CHOICE,
        ID,
        TEXT,
        TAGS,
        CUSTOM,
        COMMENT_TEXT,
        COMMENT_PUBLIC,
        HOURS
    }

    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    static final List<String> TYPES = List.of("question", "incident", "problem", "task");

    private static final Set<Operator> CHANGES = EnumSet.of(CHANGED, CHANGED_TO, CHANGED_FROM, NOT_CHANGED);
    private static final Pattern CUSTOM_FIELD = Pattern.compile("custom_fields_(\\d{1,18})");

    private static final Map<String, Kind> FIELDS = Map.ofEntries(
            Map.entry("status", Kind.ORDERED),
            Map.entry("priority", Kind.ORDERED),
            Map.entry("type", Kind.CHOICE),
            Map.entry("group_id", Kind.ID),
            Map.entry("assignee_id", Kind.ID),
            Map.entry("requester_id", Kind.ID),
            Map.entry("organization_id", Kind.ID),
            Map.entry("via_id", Kind.TEXT),
            Map.entry("current_tags", Kind.TAGS),
            Map.entry("comment_includes_word", Kind.COMMENT_TEXT),
            Map.entry("comment_is_public", Kind.COMMENT_PUBLIC),
            Map.entry("hours_since_created", Kind.HOURS),
            Map.entry("hours_since_updated", Kind.HOURS),
            Map.entry("hours_since_solved", Kind.HOURS));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ticket_type_id", "type"),
            Map.entry("group", "group_id"),
            Map.entry("assignee", "assignee_id"),
            Map.entry("requester", "requester_id"),
            Map.entry("organization", "organization_id"),
            Map.entry("via", "via_id"),
            Map.entry("via_channel", "via_id"),
            Map.entry("tags", "current_tags"),
            Map.entry("comment_text", "comment_includes_word"),
            Map.entry("comment_public", "comment_is_public"));

    /** The fixed fields in the order editors list them, with their labels. */
    static final Map<String, String> LABELS = orderedLabels();

    /** The action fields in the order editors list them ({@code custom_fields_<id>} besides). */
    static final List<String> ACTION_FIELDS = List.of(
            "status",
            "priority",
            "type",
            "group_id",
            "assignee_id",
            "add_tags",
            "remove_tags",
            "set_tags",
            "internal_note",
            "public_reply",
            "notify");

    private RuleFields() {}

    private static Map<String, String> orderedLabels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("status", "Status");
        labels.put("priority", "Priority");
        labels.put("type", "Type");
        labels.put("group_id", "Group (id)");
        labels.put("assignee_id", "Assignee (id)");
        labels.put("requester_id", "Requester (id)");
        labels.put("organization_id", "Organization (id)");
        labels.put("current_tags", "Tags");
        labels.put("comment_includes_word", "Comment text");
        labels.put("comment_is_public", "Comment is public");
        labels.put("via_id", "Channel (web, email, api, ...)");
        labels.put("hours_since_created", "Hours since created");
        labels.put("hours_since_updated", "Hours since updated");
        labels.put("hours_since_solved", "Hours since solved");
        return java.util.Collections.unmodifiableMap(labels);
    }

    /** The field's operators in Zendesk's order, by wire name. */
    static List<String> operatorNames(String canonical) {
        Set<Operator> allowed = operators(kind(canonical));
        return java.util.Arrays.stream(Operator.values())
                .filter(allowed::contains)
                .map(o -> o.wireName)
                .toList();
    }

    /** Zendesk's name for {@code field}, or empty when rules do not know it. */
    static Optional<String> canonical(String field) {
        if (field == null) {
            return Optional.empty();
        }
        String name = ALIASES.getOrDefault(field, field);
        if (FIELDS.containsKey(name) || CUSTOM_FIELD.matcher(name).matches()) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    static Kind kind(String canonical) {
        return FIELDS.getOrDefault(canonical, Kind.CUSTOM);
    }

    static Set<Operator> operators(Kind kind) {
        return switch (kind) {
            case ORDERED -> union(EnumSet.of(IS, IS_NOT, LESS_THAN, GREATER_THAN), CHANGES);
            case CHOICE, ID, TEXT -> union(EnumSet.of(IS, IS_NOT), CHANGES);
            case TAGS -> EnumSet.of(INCLUDES, NOT_INCLUDES, CONTAINS, NOT_CONTAINS, CHANGED, NOT_CHANGED);
            case CUSTOM -> EnumSet.allOf(Operator.class);
            case COMMENT_TEXT -> EnumSet.of(IS, INCLUDES, NOT_INCLUDES, CONTAINS, NOT_CONTAINS);
            case COMMENT_PUBLIC -> EnumSet.of(IS, IS_NOT);
            case HOURS -> EnumSet.of(IS, LESS_THAN, GREATER_THAN);
        };
    }

    /** The allowed values of an ORDERED or CHOICE field, in order. */
    static List<String> choices(String canonical) {
        return switch (canonical) {
            case "status" -> STATUSES;
            case "priority" -> PRIORITIES;
            case "type" -> TYPES;
            default -> List.of();
        };
    }

    static boolean isCustom(String canonical) {
        return CUSTOM_FIELD.matcher(canonical).matches();
    }

    static long customFieldId(String canonical) {
        return Long.parseLong(canonical.substring("custom_fields_".length()));
    }

    private static Set<Operator> union(Set<Operator> a, Set<Operator> b) {
        EnumSet<Operator> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
