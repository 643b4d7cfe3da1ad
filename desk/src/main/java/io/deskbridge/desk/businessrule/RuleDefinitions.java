package io.deskbridge.desk.businessrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /api/v2/triggers/definitions} ({@code TriggerDefinitionResponse}): the conditions and
 * actions desk's triggers run (see {@link RuleConditions} and {@link RuleActions}), in Zendesk's
 * definition shape, so rule editors offer only what desk executes.
 */
final class RuleDefinitions {

    record Definitions(
            List<ActionDefinition> actions,
            List<ConditionDefinition> conditionsAll,
            List<ConditionDefinition> conditionsAny) {}

    record DefinitionsResponse(Definitions definitions) {}

    record Choice(boolean enabled, String title, String value) {}

    record Operator(boolean terminal, String title, String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActionDefinition(
            String group,
            boolean nullable,
            boolean repeatable,
            String subject,
            String title,
            String type,
            List<Choice> values) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConditionDefinition(
            String group,
            boolean nullable,
            List<Operator> operators,
            boolean repeatable,
            String subject,
            String title,
            String type,
            List<Choice> values) {}

    private static final List<Choice> STATUSES = choices(RuleConditions.STATUSES);
    private static final List<Choice> PRIORITIES = choices(RuleConditions.PRIORITIES);
    private static final List<Choice> TYPES = choices(List.of("question", "incident", "problem", "task"));

    private static final List<Operator> ORDERED = List.of(
            new Operator(false, "Is", "is"),
            new Operator(false, "Is not", "is_not"),
            new Operator(false, "Less than", "less_than"),
            new Operator(false, "Greater than", "greater_than"),
            new Operator(true, "Changed", "changed"),
            new Operator(false, "Changed to", "value"),
            new Operator(false, "Changed from", "value_previous"),
            new Operator(true, "Not changed", "not_changed"),
            new Operator(false, "Not changed to", "not_value"),
            new Operator(false, "Not changed from", "not_value_previous"));
    private static final List<Operator> EQUALITY =
            ORDERED.stream().filter(o -> !o.value().endsWith("than")).toList();
    private static final List<Operator> IS =
            List.of(new Operator(false, "Is", "is"), new Operator(false, "Is not", "is_not"));
    private static final List<Operator> TAGS = List.of(
            new Operator(false, "Contains at least one of the following", "includes"),
            new Operator(false, "Contains none of the following", "not_includes"));
    private static final List<Operator> HOURS = List.of(
            new Operator(false, "Is", "is"),
            new Operator(false, "Less than", "less_than"),
            new Operator(false, "Greater than", "greater_than"));

    private RuleDefinitions() {}

    static DefinitionsResponse triggers() {
        List<ConditionDefinition> conditions = List.of(
                condition("status", "Status", ORDERED, STATUSES),
                condition("priority", "Priority", ORDERED, PRIORITIES),
                condition("type", "Type", EQUALITY, TYPES),
                condition("group_id", "Group", EQUALITY, null),
                condition("assignee_id", "Assignee", EQUALITY, null),
                condition("requester_id", "Requester", EQUALITY, null),
                condition("organization_id", "Organization", EQUALITY, null),
                condition("current_tags", "Tags", TAGS, null),
                condition("via_id", "Channel", IS, null),
                condition(
                        "update_type",
                        "Ticket",
                        IS,
                        List.of(new Choice(true, "Created", "Create"), new Choice(true, "Updated", "Change"))),
                condition(
                        "comment_is_public",
                        "Comment",
                        IS,
                        List.of(
                                new Choice(true, "Public", "true"),
                                new Choice(true, "Private", "false"),
                                new Choice(true, "Present (public or private)", "not_relevant"))));
        List<ActionDefinition> actions = List.of(
                action("status", "Status", "list", STATUSES),
                action("priority", "Priority", "list", PRIORITIES),
                action("type", "Type", "list", TYPES),
                action("group_id", "Group", "list", null),
                action("assignee_id", "Assignee", "list", null),
                action("set_tags", "Set tags", "text", null),
                action("current_tags", "Add tags", "text", null),
                action("remove_tags", "Remove tags", "text", null),
                action("notification_user", "Email user", "list", null),
                action("notification_group", "Email group", "list", null),
                action("notification_webhook", "Notify by webhook", "list", null));
        return new DefinitionsResponse(new Definitions(actions, conditions, conditions));
    }

    private static ConditionDefinition condition(
            String subject, String title, List<Operator> ops, List<Choice> values) {
        return new ConditionDefinition(
                "ticket", true, ops, false, subject, title, values == null ? "text" : "list", values);
    }

    private static ActionDefinition action(String subject, String title, String type, List<Choice> values) {
        return new ActionDefinition("ticket", false, false, subject, title, type, values);
    }

    private static List<Choice> choices(List<String> values) {
        return values.stream()
                .map(v -> new Choice(true, Character.toUpperCase(v.charAt(0)) + v.substring(1), v))
                .toList();
    }
}
