package io.deskbridge.desk.businessrule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's rule conditions over a {@link RuleTicket}: every {@code all} condition holds and, when
 * there are {@code any} conditions, at least one of them.
 *
 * <p>Operators: {@code is}, {@code is_not}, {@code less_than}, {@code greater_than} (and their
 * {@code _equal} forms; status and priority compare in Zendesk's order, other fields as numbers),
 * {@code changed}, {@code not_changed}, {@code value} (changed to), {@code value_previous} (changed
 * from), {@code not_value}, {@code not_value_previous}, {@code includes}, {@code not_includes} (tags:
 * any of the words; text: all of them), {@code present}, {@code not_present}. {@code changed} on a
 * create is true for a field that has a value. Ids accept {@code current_user} (who made the
 * write). Time conditions ({@code hours_since_*}, automations) compare whole hours; their
 * {@code _business_hours} operators count the open hours of the account's default schedule (see
 * {@link AutomationRunner}). A
 * condition on a field desk does not know never holds, so an unknown rule never fires.
 */
final class RuleConditions {

    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    private RuleConditions() {}

    static boolean matches(JsonNode conditions, RuleTicket t) {
        for (JsonNode c : conditions.path("all")) {
            if (!holds(c, t)) {
                return false;
            }
        }
        JsonNode any = conditions.path("any");
        if (any.isEmpty()) {
            return true;
        }
        for (JsonNode c : any) {
            if (holds(c, t)) {
                return true;
            }
        }
        return false;
    }

    static boolean holds(JsonNode condition, RuleTicket t) {
        String field = alias(condition.path("field").asString(""));
        String operator = condition.path("operator").asString("is");
        String expected = expected(condition.path("value"), t);
        if (field.startsWith("hours_since_")) {
            return hours(
                    t.hoursSince.hoursSince(
                            field.substring("hours_since_".length()), operator.endsWith("_business_hours")),
                    operator,
                    expected);
        }
        if (field.equals("comment_is_public")) {
            return commentIsPublic(t, expected) == operator.equals("is");
        }
        if (field.equals("comment_includes_word")) {
            boolean found = t.commentBody != null && containsWords(t.commentBody, expected);
            return operator.equals("not_includes") != found;
        }
        String now = t.now(field);
        if (now == null) {
            return false;
        }
        String before = t.before(field);
        boolean changed = !same(field, now, before);
        return switch (operator) {
            case "is" -> same(field, now, expected);
            case "is_not" -> !same(field, now, expected);
            case "less_than" -> ordered(field, now, expected, c -> c < 0);
            case "less_than_equal" -> ordered(field, now, expected, c -> c <= 0);
            case "greater_than" -> ordered(field, now, expected, c -> c > 0);
            case "greater_than_equal" -> ordered(field, now, expected, c -> c >= 0);
            case "changed" -> changed;
            case "not_changed" -> !changed;
            case "value" -> changed && same(field, now, expected);
            case "value_previous" -> changed && same(field, before, expected);
            case "not_value" -> !(changed && same(field, now, expected));
            case "not_value_previous" -> !(changed && same(field, before, expected));
            case "includes" -> includes(field, now, expected);
            case "not_includes" -> !includes(field, now, expected);
            case "present" -> !now.isEmpty();
            case "not_present" -> now.isEmpty();
            default -> false;
        };
    }

    /**
     * n8n's Zendesk Trigger node names the assignee and group conditions {@code assignee} and
     * {@code group} (its ConditionDescription); desk reads them as {@code assignee_id} and
     * {@code group_id}.
     */
    private static String alias(String field) {
        return switch (field) {
            case "assignee" -> "assignee_id";
            case "group" -> "group_id";
            default -> field;
        };
    }

    /**
     * The condition's value as text; {@code current_user} becomes the writer's id and
     * {@code requester_id} (n8n's "Requester" assignee) the ticket's requester.
     */
    private static String expected(JsonNode value, RuleTicket t) {
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        if (value.isArray()) {
            value.forEach(v -> joined.append(joined.isEmpty() ? "" : " ").append(v.asString("")));
        }
        String text = value.isArray() ? joined.toString() : value.asString("");
        if (text.equals("current_user")) {
            return t.actorId == null ? "" : t.actorId.toString();
        }
        if (text.equals("requester_id")) {
            return String.valueOf(t.saved.requesterId());
        }
        return text;
    }

    private static boolean same(String field, String a, String b) {
        if (field.startsWith("custom_fields_") && (isFalse(a) && isFalse(b))) {
            return true; // an unset checkbox is false
        }
        if (field.equals("current_tags")) {
            return words(a).equals(words(b));
        }
        return a.equalsIgnoreCase(b);
    }

    private static boolean isFalse(String value) {
        return value.isEmpty() || value.equals("false");
    }

    /** Status and priority in Zendesk's order, other values as numbers; never holds when either is neither. */
    private static boolean ordered(String field, String now, String expected, java.util.function.IntPredicate test) {
        List<String> order = field.equals("status") ? STATUSES : field.equals("priority") ? PRIORITIES : null;
        if (order != null) {
            int a = order.indexOf(now.toLowerCase(Locale.ROOT));
            int b = order.indexOf(expected.toLowerCase(Locale.ROOT));
            return a >= 0 && b >= 0 && test.test(Integer.compare(a, b));
        }
        try {
            return test.test(new java.math.BigDecimal(now).compareTo(new java.math.BigDecimal(expected)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean includes(String field, String now, String expected) {
        if (field.equals("current_tags")) {
            Set<String> have = words(now);
            return words(expected).stream().anyMatch(have::contains);
        }
        return containsWords(now, expected);
    }

    private static boolean containsWords(String text, String expected) {
        Set<String> have = words(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_-]+", " "));
        Set<String> wanted = words(expected.toLowerCase(Locale.ROOT));
        return !wanted.isEmpty() && have.containsAll(wanted);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+"))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static boolean commentIsPublic(RuleTicket t, String expected) {
        return switch (expected) {
            case "not_relevant" -> true;
            case "true", "requester_can_see_comment" -> Boolean.TRUE.equals(t.commentPublic);
            case "false" -> Boolean.FALSE.equals(t.commentPublic);
            default -> false;
        };
    }

    /** Whole hours since a milestone against the condition; a milestone that never happened never holds. */
    private static boolean hours(long since, String operator, String expected) {
        if (since < 0 || !expected.matches("[0-9]{1,9}")) {
            return false;
        }
        long n = Long.parseLong(expected);
        return switch (operator.replace("_business_hours", "")) {
            case "is" -> since == n;
            case "greater_than" -> since > n;
            case "less_than" -> since < n;
            default -> false;
        };
    }
}
