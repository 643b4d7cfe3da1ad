package io.deskbridge.sync.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether one (validated, canonical) condition holds for the facts. Decisions: a ticket without the
 * field (no group, no tags) compares as empty, so {@code is_not} holds and {@code is} does not; a
 * new ticket "changed" every field it has; {@code hours_since_*} counts whole hours (floor) to the
 * facts' moment, and {@code hours_since_solved} counts from {@code updated_at} of a solved or closed
 * ticket (a ticket's JSON has no solved time); comment conditions hold only for comment events.
 */
final class ConditionMatcher {

    private ConditionMatcher() {}

    static boolean all(List<Condition> conditions, Facts facts) {
        return conditions.stream().allMatch(c -> matches(c, facts));
    }

    static boolean any(List<Condition> conditions, Facts facts) {
        return conditions.isEmpty() || conditions.stream().anyMatch(c -> matches(c, facts));
    }

    static boolean matches(Condition condition, Facts facts) {
        String field = condition.field();
        Operator op = Operator.fromWire(condition.operator()).orElseThrow();
        RuleFields.Kind kind = RuleFields.kind(field);
        return switch (kind) {
            case COMMENT_TEXT -> commentText(op, condition.value(), facts.comment());
            case COMMENT_PUBLIC -> commentPublic(op, condition.value(), facts.comment());
            case HOURS -> hours(field, op, condition.value(), facts);
            case TAGS -> tags(field, op, condition.value(), facts);
            default -> value(field, kind, op, condition.value(), facts);
        };
    }

    private static boolean value(String field, RuleFields.Kind kind, Operator op, JsonNode expected, Facts facts) {
        String current = facts.value(field);
        String wanted = normalise(field, expected);
        return switch (op) {
            case IS -> equal(current, wanted);
            case IS_NOT -> !equal(current, wanted);
            case CHANGED -> facts.changed(field);
            case NOT_CHANGED -> !facts.changed(field);
            case CHANGED_TO -> facts.changed(field) && equal(current, wanted);
            case CHANGED_FROM -> facts.changed(field) && equal(facts.previous(field), wanted);
            case LESS_THAN -> compare(field, kind, current, wanted) < 0;
            case GREATER_THAN -> compare(field, kind, current, wanted) > 0;
            case INCLUDES -> !Collections.disjoint(Snapshot.tagSet(current), Snapshot.tagSet(wanted));
            case NOT_INCLUDES -> Collections.disjoint(Snapshot.tagSet(current), Snapshot.tagSet(wanted));
            case CONTAINS -> current != null && wanted != null && lower(current).contains(lower(wanted));
            case NOT_CONTAINS ->
                current == null || wanted == null || !lower(current).contains(lower(wanted));
        };
    }

    /** Ordered fields by their order, custom fields as numbers when both are; 0 (no match) otherwise. */
    private static int compare(String field, RuleFields.Kind kind, String current, String wanted) {
        if (current == null || wanted == null) {
            return 0;
        }
        if (kind == RuleFields.Kind.ORDERED) {
            List<String> order = RuleFields.choices(field);
            return Integer.compare(order.indexOf(current), order.indexOf(wanted));
        }
        try {
            return Double.compare(Double.parseDouble(current), Double.parseDouble(wanted));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean tags(String field, Operator op, JsonNode expected, Facts facts) {
        Set<String> current = Snapshot.tagSet(facts.value(field));
        Set<String> wanted = Snapshot.tagSet(expected);
        return switch (op) {
            case INCLUDES, CONTAINS -> !Collections.disjoint(current, wanted);
            case NOT_INCLUDES, NOT_CONTAINS -> Collections.disjoint(current, wanted);
            case CHANGED -> facts.changed(field);
            case NOT_CHANGED -> !facts.changed(field);
            default -> false;
        };
    }

    private static boolean commentText(Operator op, JsonNode expected, JsonNode comment) {
        if (comment == null) {
            return false;
        }
        String body = lower(firstText(comment, "body", "plain_body"));
        String wanted = lower(Snapshot.text(expected));
        if (op == Operator.IS) {
            return body.contains(wanted);
        }
        boolean anyWord = Snapshot.tagSet(wanted).stream().anyMatch(body::contains);
        return op == Operator.INCLUDES || op == Operator.CONTAINS ? anyWord : !anyWord;
    }

    private static boolean commentPublic(Operator op, JsonNode expected, JsonNode comment) {
        if (comment == null || !comment.has("public")) {
            return false;
        }
        boolean isPublic = comment.get("public").asBoolean();
        boolean wanted = expected.isBoolean() ? expected.asBoolean() : "true".equals(expected.asString());
        return op == Operator.IS ? isPublic == wanted : isPublic != wanted;
    }

    private static boolean hours(String field, Operator op, JsonNode expected, Facts facts) {
        JsonNode ticket = facts.ticket();
        String from = switch (field) {
            case "hours_since_created" -> Snapshot.text(ticket.get("created_at"));
            case "hours_since_updated" -> Snapshot.text(ticket.get("updated_at"));
            default -> {
                String status = facts.value("status");
                yield "solved".equals(status) || "closed".equals(status)
                        ? Snapshot.text(ticket.get("updated_at"))
                        : null;
            }
        };
        Instant since = instant(from);
        if (since == null) {
            return false;
        }
        long hours = Duration.between(since, facts.at()).toHours();
        long wanted = expected.asLong();
        return switch (op) {
            case IS -> hours == wanted;
            case LESS_THAN -> hours < wanted;
            case GREATER_THAN -> hours > wanted;
            default -> false;
        };
    }

    /** The expected value as a snapshot holds it (tags sorted, ids as text). */
    static String normalise(String field, JsonNode value) {
        return RuleFields.kind(field) == RuleFields.Kind.TAGS ? Snapshot.tags(value) : Snapshot.text(value);
    }

    static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String text = Snapshot.text(node.get(f));
            if (text != null) {
                return text;
            }
        }
        return "";
    }
}
