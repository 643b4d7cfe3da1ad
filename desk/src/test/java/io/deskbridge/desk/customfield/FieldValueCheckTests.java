package io.deskbridge.desk.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.RecordInvalidException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FieldValueCheckTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FieldDefinition field(FieldType type, String regexp, String... optionValues) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<FieldOption> options = java.util.stream.IntStream.range(0, optionValues.length)
                .mapToObj(i -> new FieldOption(i + 1, 9, "Option " + i, optionValues[i], i, now, now))
                .toList();
        return new FieldDefinition(
                9,
                FieldOwner.TICKET,
                null,
                type,
                "Plan",
                "",
                "",
                "Plan",
                1,
                true,
                false,
                false,
                false,
                false,
                false,
                regexp,
                null,
                false,
                now,
                now,
                options);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String check(FieldDefinition field, String value) {
        return FieldValueCheck.check(field, json(value)).toString();
    }

    private static void refused(FieldDefinition field, String value, String description) {
        assertThatThrownBy(() -> FieldValueCheck.check(field, json(value)))
                .isInstanceOfSatisfying(
                        RecordInvalidException.class,
                        e -> assertThat(e.details())
                                .containsOnlyKeys("base")
                                .extractingByKey("base")
                                .asList()
                                .containsExactly(RecordInvalidException.problem(description, "InvalidValue")));
    }

    @Test
    void shouldLetNullClearAFieldOfAnyType() {
        for (FieldType type : List.of(FieldType.TEXT, FieldType.INTEGER, FieldType.TAGGER, FieldType.MULTISELECT)) {
            assertThat(check(field(type, null, "a"), "null")).isEqualTo("null");
        }
    }

    @Nested
    class Scalars {

        @Test
        void shouldAcceptWholeNumbersAndNumericStringsForIntegers() {
            assertThat(check(field(FieldType.INTEGER, null), "42")).isEqualTo("42");
            assertThat(check(field(FieldType.INTEGER, null), "\" 7 \"")).isEqualTo("7");
            refused(field(FieldType.INTEGER, null), "4.5", "Plan: must be a whole number");
            refused(field(FieldType.INTEGER, null), "\"four\"", "Plan: must be a whole number");
        }

        @Test
        void shouldAcceptNumbersForDecimals() {
            assertThat(check(field(FieldType.DECIMAL, null), "\"2.50\"")).isEqualTo("2.50");
            assertThat(check(field(FieldType.DECIMAL, null), "3")).isEqualTo("3");
            refused(field(FieldType.DECIMAL, null), "true", "Plan: must be a number");
        }

        @Test
        void shouldAcceptIsoDatesOnly() {
            assertThat(check(field(FieldType.DATE, null), "\"2026-02-28\"")).isEqualTo("\"2026-02-28\"");
            refused(field(FieldType.DATE, null), "\"2026-02-30\"", "Plan: must be a date in the form YYYY-MM-DD");
            refused(field(FieldType.DATE, null), "\"28/02/2026\"", "Plan: must be a date in the form YYYY-MM-DD");
        }

        @Test
        void shouldAcceptBooleansForCheckboxes() {
            assertThat(check(field(FieldType.CHECKBOX, null), "true")).isEqualTo("true");
            assertThat(check(field(FieldType.CHECKBOX, null), "\"false\"")).isEqualTo("false");
            refused(field(FieldType.CHECKBOX, null), "1", "Plan: must be true or false");
        }

        @Test
        void shouldMatchTheWholeValueAgainstTheRegexp() {
            FieldDefinition sku = field(FieldType.REGEXP, "[A-Z]{3}-\\d+");
            assertThat(check(sku, "\"ABC-12\"")).isEqualTo("\"ABC-12\"");
            refused(sku, "\"xABC-12\"", "Plan: does not match [A-Z]{3}-\\d+");
        }

        @Test
        void shouldRefuseObjectsForText() {
            refused(field(FieldType.TEXT, null), "{\"a\":1}", "Plan: must be text");
        }
    }

    @Nested
    class Options {

        @Test
        void shouldAcceptOneOptionValueForDropDowns() {
            FieldDefinition plan = field(FieldType.TAGGER, null, "plan_gold", "plan_silver");
            assertThat(check(plan, "\"plan_gold\"")).isEqualTo("\"plan_gold\"");
            refused(plan, "\"plan_bronze\"", "Plan: must be one of its option values (plan_gold, plan_silver)");
            refused(plan, "[\"plan_gold\"]", "Plan: must be one of the field's option values");
        }

        @Test
        void shouldAcceptAListOfOptionValuesForMultiselectsWithoutDuplicates() {
            FieldDefinition plan = field(FieldType.MULTISELECT, null, "a", "b");
            assertThat(check(plan, "[\"b\",\"a\",\"b\"]")).isEqualTo("[\"b\",\"a\"]");
            assertThat(check(plan, "\"a\"")).isEqualTo("[\"a\"]");
            refused(plan, "[\"a\",\"c\"]", "Plan: must be one of its option values (a, b)");
        }

        @Test
        void shouldRefuseValuesForSystemFields() {
            refused(
                    field(FieldType.STATUS, null),
                    "\"open\"",
                    "Plan: is a system field; set it through the ticket's own property");
        }
    }
}
