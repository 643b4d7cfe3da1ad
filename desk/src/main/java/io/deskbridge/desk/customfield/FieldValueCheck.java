package io.deskbridge.desk.customfield;

import io.deskbridge.desk.api.RecordInvalidException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Whether a value fits a field's definition, and the value as Zendesk stores it: integers and
 * decimals as numbers (numeric strings accepted), dates as {@code YYYY-MM-DD}, checkboxes as
 * booleans, drop-downs as one option value, multiselects as a list of option values. {@code null}
 * clears a field of any type. Refusals are Zendesk's 422 with the field's title and the rule.
 */
final class FieldValueCheck {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldValueCheck() {}

    static JsonNode check(FieldDefinition field, JsonNode value) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        return switch (field.type()) {
            case TEXT, TEXTAREA, SUBJECT, DESCRIPTION -> text(field, value);
            case CHECKBOX -> checkbox(field, value);
            case DATE -> date(field, value);
            case INTEGER -> integer(field, value);
            case DECIMAL -> decimal(field, value);
            case REGEXP -> regexp(field, value);
            case TAGGER, DROPDOWN -> option(field, value);
            case MULTISELECT -> options(field, value);
            case STATUS, TICKETTYPE, PRIORITY, GROUP, ASSIGNEE ->
                throw invalid(field, "is a system field; set it through the ticket's own property");
        };
    }

    private static JsonNode text(FieldDefinition field, JsonNode value) {
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return NODES.stringNode(value.asString());
        }
        throw invalid(field, "must be text");
    }

    private static JsonNode checkbox(FieldDefinition field, JsonNode value) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isString()
                && (value.stringValue().equals("true") || value.stringValue().equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value.stringValue()));
        }
        throw invalid(field, "must be true or false");
    }

    private static JsonNode date(FieldDefinition field, JsonNode value) {
        if (value.isString()) {
            try {
                return NODES.stringNode(
                        LocalDate.parse(value.stringValue().strip()).toString());
            } catch (DateTimeParseException e) {
                // falls through to the refusal
            }
        }
        throw invalid(field, "must be a date in the form YYYY-MM-DD");
    }

    private static JsonNode integer(FieldDefinition field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return NODES.numberNode(value.longValue());
        }
        if (value.isString()) {
            try {
                return NODES.numberNode(Long.parseLong(value.stringValue().strip()));
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
        }
        throw invalid(field, "must be a whole number");
    }

    private static JsonNode decimal(FieldDefinition field, JsonNode value) {
        if (value.isNumber()) {
            return NODES.numberNode(value.decimalValue());
        }
        if (value.isString()) {
            try {
                return NODES.numberNode(new BigDecimal(value.stringValue().strip()));
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
        }
        throw invalid(field, "must be a number");
    }

    private static JsonNode regexp(FieldDefinition field, JsonNode value) {
        String text = text(field, value).stringValue();
        String regexp = field.regexpForValidation();
        if (regexp != null && !regexp.isEmpty()) {
            boolean matches;
            try {
                matches = Pattern.compile(regexp).matcher(text).matches();
            } catch (PatternSyntaxException e) {
                matches = false;
            }
            if (!matches) {
                throw invalid(field, "does not match " + regexp);
            }
        }
        return NODES.stringNode(text);
    }

    private static JsonNode option(FieldDefinition field, JsonNode value) {
        if (!value.isString()) {
            throw invalid(field, "must be one of the field's option values");
        }
        return NODES.stringNode(known(field, value.stringValue()));
    }

    private static JsonNode options(FieldDefinition field, JsonNode value) {
        List<String> raw = new ArrayList<>();
        if (value.isString()) {
            raw.add(value.stringValue());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    throw invalid(field, "must be a list of the field's option values");
                }
                raw.add(item.stringValue());
            }
        } else {
            throw invalid(field, "must be a list of the field's option values");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String item : raw) {
            values.add(known(field, item));
        }
        var array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String known(FieldDefinition field, String value) {
        return field.options().stream()
                .map(FieldOption::value)
                .filter(v -> v.equals(value))
                .findFirst()
                .orElseThrow(() -> invalid(
                        field,
                        "must be one of its option values ("
                                + String.join(
                                        ", ",
                                        field.options().stream()
                                                .map(FieldOption::value)
                                                .toList()) + ")"));
    }

    private static RecordInvalidException invalid(FieldDefinition field, String problem) {
        return new RecordInvalidException("base", "InvalidValue", field.title() + ": " + problem);
    }
}
