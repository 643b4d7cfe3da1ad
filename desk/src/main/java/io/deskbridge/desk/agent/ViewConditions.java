package io.deskbridge.desk.agent;

import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketFilter.Criterion;
import io.deskbridge.desk.ticket.TicketFilter.UserField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Runs an API view ({@code /api/v2/views}) in the ticket list: its Zendesk conditions become the
 * ticket list's typed criteria.
 *
 * <p>Decision: the list runs what {@link TicketFilter} can say exactly — every {@code all} condition
 * on {@code status}, {@code priority} ({@code is}, {@code is_not}, {@code less_than},
 * {@code greater_than}), {@code type}, {@code assignee_id}, {@code group_id}, {@code requester_id}
 * ({@code is}/{@code is_not}; {@code current_user} is the signed-in agent, an empty value means none)
 * and {@code current_tags} ({@code includes}/{@code not_includes}); an {@code any} list of one
 * condition counts as {@code all}. Any other condition (a longer {@code any} list, another field or
 * operator) is not approximated: the view is refused with the condition it cannot run, so the list
 * never shows tickets the view would not.
 */
final class ViewConditions {

    private static final List<String> PRIORITIES = TicketForms.PRIORITIES;

    private ViewConditions() {}

    /** The criteria of a view's conditions, or why it cannot be run here. */
    record Plan(List<Criterion> criteria, String unsupported) {}

    static Plan plan(JsonNode conditions, long me) {
        List<JsonNode> all = new ArrayList<>();
        conditions.path("all").forEach(all::add);
        JsonNode any = conditions.path("any");
        if (any.size() == 1) {
            all.add(any.get(0));
        } else if (any.size() > 1) {
            return new Plan(List.of(), "it has " + any.size() + " \"any\" conditions (one of several must hold)");
        }
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode condition : all) {
            Optional<Criterion> criterion = criterion(condition, me);
            if (criterion.isEmpty()) {
                return new Plan(List.of(), "the condition " + condition + " is not one the list can run");
            }
            criteria.add(criterion.get());
        }
        return new Plan(criteria, null);
    }

    private static Optional<Criterion> criterion(JsonNode condition, long me) {
        String field = condition.path("field").asString("");
        String operator = condition.path("operator").asString("");
        JsonNode valueNode = condition.path("value");
        String value = valueNode.isNull() || valueNode.isMissingNode()
                ? ""
                : valueNode.asString("").toLowerCase(Locale.ROOT);
        return switch (field) {
            case "status" -> ranked(TicketForms.STATUSES, operator, value).map(TicketFilter.StatusIn::new);
            case "priority" -> ranked(PRIORITIES, operator, value).map(TicketFilter.PriorityIn::new);
            case "type" -> negatable(operator, TicketFilter.TypeIs::new, value);
            case "assignee_id" -> user(UserField.ASSIGNEE, operator, value, me);
            case "requester_id" -> user(UserField.REQUESTER, operator, value, me);
            case "group_id" ->
                id(value).flatMap(id -> negatable(operator, v -> new TicketFilter.GroupIs(id.orElse(null)), value));
            case "current_tags" -> tags(operator, value);
            default -> Optional.empty();
        };
    }

    private static Optional<List<String>> ranked(List<String> order, String operator, String value) {
        int rank = order.indexOf(value);
        if (rank < 0) {
            return Optional.empty();
        }
        return switch (operator) {
            case "is" -> Optional.of(List.of(value));
            case "is_not" ->
                Optional.of(order.stream().filter(s -> !s.equals(value)).toList());
            case "less_than" -> Optional.of(order.subList(0, rank));
            case "greater_than" -> Optional.of(order.subList(rank + 1, order.size()));
            default -> Optional.empty();
        };
    }

    private static Optional<Criterion> user(UserField field, String operator, String value, long me) {
        Optional<Optional<Long>> id = "current_user".equals(value) ? Optional.of(Optional.of(me)) : id(value);
        return id.flatMap(
                userId -> negatable(operator, v -> new TicketFilter.UserIs(field, userId.orElse(null)), value));
    }

    /** An empty value is "none" ({@code Optional.empty()} inside); a value that is no id is refused. */
    private static Optional<Optional<Long>> id(String value) {
        if (value.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Criterion> negatable(
            String operator, java.util.function.Function<String, Criterion> make, String value) {
        return switch (operator) {
            case "is" -> Optional.of(make.apply(value));
            case "is_not" -> Optional.of(new TicketFilter.Not(make.apply(value)));
            default -> Optional.empty();
        };
    }

    private static Optional<Criterion> tags(String operator, String value) {
        List<String> tags = List.of(value.trim().split("\\s+"));
        if (value.isBlank() || tags.size() != 1) {
            // Several tags mean "any of them" in Zendesk's includes: not an AND the list can say.
            return Optional.empty();
        }
        return switch (operator) {
            case "includes" -> Optional.of(new TicketFilter.HasTag(tags.get(0)));
            case "not_includes" -> Optional.of(new TicketFilter.Not(new TicketFilter.HasTag(tags.get(0))));
            default -> Optional.empty();
        };
    }
}
