package io.deskbridge.sync.console;

import io.deskbridge.sync.automation.Action;
import io.deskbridge.sync.automation.Condition;
import io.deskbridge.sync.automation.Rule;
import io.deskbridge.sync.automation.RuleConditions;
import io.deskbridge.sync.automation.RuleRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The rule editor's form as entered: the rule's parts and one row per condition and action, with
 * blank rows to add more. A row whose field is blank is left out. Values are text: a whole number
 * is sent as a number (ids, hours), anything else as text (tags separated by spaces), so the rule
 * reads as it would in Zendesk's trigger JSON.
 */
record RuleForm(
        String title, boolean active, String position, String event, List<Row> all, List<Row> any, List<Row> actions) {

    static final int BLANK_ROWS = 3;

    /** A condition ({@code operator} set) or an action row. */
    record Row(String field, String operator, String value) {

        boolean blank() {
            return field == null || field.isBlank();
        }
    }

    static RuleForm empty() {
        return new RuleForm("", true, "", "ticket.updated", List.of(), List.of(), List.of()).withBlankRows();
    }

    static RuleForm of(Rule rule) {
        return new RuleForm(
                        rule.title(),
                        rule.active(),
                        Integer.toString(rule.position()),
                        rule.event().wireName(),
                        rule.conditions().all().stream().map(RuleForm::row).toList(),
                        rule.conditions().any().stream().map(RuleForm::row).toList(),
                        rule.actions().stream()
                                .map(a -> new Row(a.field(), null, text(a.value())))
                                .toList())
                .withBlankRows();
    }

    /** Rows as posted: the three lists of a group are read side by side. */
    static List<Row> rows(List<String> fields, List<String> operators, List<String> values) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            rows.add(new Row(
                    fields.get(i).strip(),
                    i < operators.size() ? operators.get(i).strip() : null,
                    i < values.size() ? values.get(i) : ""));
        }
        return rows;
    }

    /** The form with {@link #BLANK_ROWS} empty rows after each group's filled ones. */
    RuleForm withBlankRows() {
        return new RuleForm(
                title, active, position, event, padded(all, true), padded(any, true), padded(actions, false));
    }

    /** The request the form makes; {@code position} is text so a wrong one is reported, not dropped. */
    RuleRequest request(Integer parsedPosition) {
        return new RuleRequest(
                title,
                active,
                parsedPosition,
                event,
                new RuleConditions(conditions(all), conditions(any)),
                actions.stream()
                        .filter(r -> !r.blank())
                        .map(r -> new Action(r.field(), value(r.value())))
                        .toList());
    }

    private static List<Condition> conditions(List<Row> rows) {
        return rows.stream()
                .filter(r -> !r.blank())
                .map(r -> new Condition(r.field(), r.operator(), value(r.value())))
                .toList();
    }

    private static List<Row> padded(List<Row> rows, boolean condition) {
        List<Row> padded = new ArrayList<>(rows.stream().filter(r -> !r.blank()).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            padded.add(new Row("", condition ? "is" : null, ""));
        }
        return padded;
    }

    private static Row row(Condition c) {
        return new Row(c.field(), c.operator(), text(c.value()));
    }

    static JsonNode value(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("-?\\d{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        return JsonNodeFactory.instance.stringNode(value);
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false)
                    .map(RuleForm::text)
                    .collect(Collectors.joining(" "));
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
