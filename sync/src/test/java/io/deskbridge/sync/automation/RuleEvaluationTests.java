package io.deskbridge.sync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.address.PlainHttp;
import io.deskbridge.sync.api.RecordInvalidException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Conditions, the decision and the cycle guard's test, on tickets as Zendesk's export serves them. */
class RuleEvaluationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant ACTIVE = Instant.parse("2026-12-01T10:00:00Z");

    private static JsonNode ticket(String priority, String status, String updatedAt, String... tags) {
        return JSON.readTree("{\"id\": 7, \"status\": \"" + status + "\", \"priority\": \"" + priority
                + "\", \"group_id\": null, \"created_at\": \"2026-11-28T10:00:00Z\", \"updated_at\": \"" + updatedAt
                + "\", \"via\": {\"channel\": \"email\"}, \"tags\": " + JSON.writeValueAsString(List.of(tags))
                + ", \"custom_fields\": [{\"id\": 360001, \"value\": \"42\"}]}");
    }

    private static ChangeRow change(JsonNode before, JsonNode after, Long echoRule, int depth) {
        return new ChangeRow(
                1,
                7,
                100,
                before == null ? RuleEvent.TICKET_CREATED : RuleEvent.TICKET_UPDATED,
                Instant.parse(after.get("updated_at").asString()),
                Snapshot.diff(Snapshot.of(before), Snapshot.of(after)),
                after,
                null,
                null,
                echoRule,
                depth);
    }

    private static Condition condition(String field, String operator, Object value) {
        return new Condition(field, operator, value == null ? null : JSON.valueToTree(value));
    }

    private static Rule rule(long id, RuleEvent event, List<Condition> all, List<Condition> any) {
        return new Rule(
                id,
                1,
                "r",
                true,
                1,
                event,
                new RuleConditions(all, any),
                List.of(new Action("add_tags", NODES.stringNode("escalated"))),
                ACTIVE,
                ACTIVE,
                ACTIVE);
    }

    private static final JsonNode BEFORE = ticket("normal", "open", "2026-12-01T11:00:00Z", "vip");
    private static final JsonNode AFTER = ticket("urgent", "open", "2026-12-01T11:05:00Z", "vip");

    @Nested
    class Conditions {

        private final Facts facts = Facts.of(
                AFTER,
                Snapshot.diff(Snapshot.of(BEFORE), Snapshot.of(AFTER)),
                null,
                Instant.parse("2026-12-01T12:00:00Z"));

        @Test
        void shouldCompareStatusAndPriorityByTheirOrder() {
            assertThat(ConditionMatcher.matches(condition("priority", "greater_than", "high"), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("priority", "less_than", "urgent"), facts))
                    .isFalse();
            assertThat(ConditionMatcher.matches(condition("status", "less_than", "solved"), facts))
                    .isTrue();
        }

        @Test
        void shouldSeeTheChangeFromTheStoredVersion() {
            assertThat(ConditionMatcher.matches(condition("priority", "changed", null), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("priority", "changed_from", "normal"), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("priority", "changed_to", "urgent"), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("priority", "changed_to", "high"), facts))
                    .isFalse();
            assertThat(ConditionMatcher.matches(condition("status", "not_changed", null), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("status", "changed", null), facts))
                    .isFalse();
        }

        @Test
        void shouldMatchTagsViaCustomFieldsHoursAndEmptyFields() {
            assertThat(ConditionMatcher.matches(condition("current_tags", "includes", "gold vip"), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("current_tags", "not_includes", "gold"), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("via_id", "is", "email"), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("custom_fields_360001", "greater_than", 41), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("group_id", "is", null), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("group_id", "is_not", 5), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("hours_since_created", "greater_than", 48), facts))
                    .isTrue();
            assertThat(ConditionMatcher.matches(condition("hours_since_updated", "is", 0), facts))
                    .isTrue();
        }
    }

    @Nested
    class Decisions {

        private final Rule vipUrgent = rule(
                9,
                RuleEvent.TICKET_UPDATED,
                List.of(condition("priority", "is", "urgent"), condition("current_tags", "includes", "vip")),
                List.of());

        @Test
        void shouldFireOnAMatchingUpdateMadeAfterTheRuleWasSwitchedOn() {
            assertThat(Decider.fires(vipUrgent, change(BEFORE, AFTER, null, 0), 3, true))
                    .isTrue();
        }

        @Test
        void shouldNotFireOnChangesMadeBeforeItWasSwitchedOnUnlessDryRunning() {
            JsonNode old = ticket("urgent", "open", "2026-12-01T09:59:59Z", "vip");
            ChangeRow change = change(BEFORE, old, null, 0);

            assertThat(Decider.fires(vipUrgent, change, 3, true)).isFalse();
            assertThat(Decider.fires(vipUrgent, change, 3, false)).isTrue();
        }

        @Test
        void shouldNotFireOnItsOwnWriteBackButLetOtherRulesUpToTheChainBound() {
            ChangeRow echo = change(AFTER, ticket("urgent", "open", "2026-12-01T11:06:00Z", "vip", "escalated"), 9L, 1);
            Rule other = rule(
                    10,
                    RuleEvent.TICKET_UPDATED,
                    List.of(condition("current_tags", "includes", "escalated")),
                    List.of());

            assertThat(Decider.fires(vipUrgent, echo, 3, true)).isFalse();
            assertThat(Decider.fires(other, echo, 3, true)).isTrue();
            assertThat(Decider.fires(other, echo, 0, true)).isFalse();
        }

        @Test
        void shouldFireSolvedRulesOnlyWhenTheStatusBecameSolved() {
            Rule solved = rule(11, RuleEvent.TICKET_SOLVED, List.of(), List.of());

            assertThat(Decider.fires(
                            solved,
                            change(AFTER, ticket("urgent", "solved", "2026-12-01T11:07:00Z", "vip"), null, 0),
                            3,
                            true))
                    .isTrue();
            assertThat(Decider.fires(solved, change(BEFORE, AFTER, null, 0), 3, true))
                    .isFalse();
        }

        @Test
        void shouldRequireOneOfAnyWhenAnyIsGiven() {
            Rule anyRule = rule(
                    12,
                    RuleEvent.TICKET_UPDATED,
                    List.of(),
                    List.of(condition("priority", "is", "low"), condition("status", "is", "open")));

            assertThat(Decider.fires(anyRule, change(BEFORE, AFTER, null, 0), 3, true))
                    .isTrue();
        }
    }

    @Nested
    class CycleGuard {

        private final Plan plan = Planner.plan(List.of(
                new Action("group_id", NODES.numberNode(55)),
                new Action("add_tags", NODES.stringNode("escalated")),
                new Action("internal_note", NODES.stringNode("note"))));

        @Test
        void shouldTakeADiffOfOnlyTheWriteBacksFieldsForItsEcho() {
            Map<String, List<String>> diff = Snapshot.diff(
                    Map.of("current_tags", "vip"), Map.of("current_tags", "escalated vip", "group_id", "55"));

            assertThat(Planner.explains(plan.update(), diff)).isTrue();
            assertThat(Planner.explains(plan.update(), Map.of())).isTrue();
        }

        @Test
        void shouldNotTakeAChangeOfAnotherFieldForItsEcho() {
            Map<String, List<String>> diff = Snapshot.diff(
                    Map.of("current_tags", "vip", "priority", "normal"),
                    Map.of("current_tags", "escalated vip", "group_id", "55", "priority", "urgent"));

            assertThat(Planner.explains(plan.update(), diff)).isFalse();
        }

        @Test
        void shouldBuildOneZendeskTicketUpdate() {
            assertThat(plan.update().toString())
                    .isEqualTo("{\"group_id\":55,\"additional_tags\":[\"escalated\"],\"comment\":{\"body\":\"note\","
                            + "\"public\":false}}");
            assertThat(plan.notifyUrl()).isNull();
        }
    }

    @Nested
    class Validation {

        @Test
        void shouldStoreZendeskNamesForTheIssuesPlainNames() {
            RuleValidator.Valid valid = RuleValidator.validate(
                    " VIP ",
                    "ticket.updated",
                    new RuleConditions(List.of(condition("tags", "includes", "vip")), null),
                    List.of(new Action("current_tags", NODES.stringNode("escalated"))),
                    PlainHttp.LOOPBACK_ONLY);

            assertThat(valid.title()).isEqualTo("VIP");
            assertThat(valid.conditions().all().get(0).field()).isEqualTo("current_tags");
            assertThat(valid.actions().get(0).field()).isEqualTo("add_tags");
        }

        @Test
        void shouldRequireAnHoursConditionOfATimeRule() {
            assertThatThrownBy(() -> RuleValidator.validate(
                            "pending too long",
                            "time",
                            new RuleConditions(List.of(condition("status", "is", "pending")), null),
                            List.of(new Action("priority", NODES.stringNode("high"))),
                            PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(RecordInvalidException.class)
                    .hasMessageStartingWith("A time rule needs an hours_since_created, hours_since_updated or"
                            + " hours_since_solved condition in conditions.all");
        }

        @Test
        void shouldRefuseControlCharactersInTheTitleConditionsAndActions() {
            assertThatThrownBy(() -> RuleValidator.validate(
                            "nul\u0000title",
                            "ticket.created",
                            new RuleConditions(List.of(condition("tags", "includes", "vip")), null),
                            List.of(new Action("priority", NODES.stringNode("high"))),
                            PlainHttp.LOOPBACK_ONLY))
                    .hasMessage("Title: contains the control character U+0000 at position 3");
            assertThatThrownBy(() -> RuleValidator.validate(
                            "x",
                            "ticket.created",
                            new RuleConditions(
                                    List.of(condition("comment_includes_word", "includes", "a\ud800")), null),
                            List.of(new Action("priority", NODES.stringNode("high"))),
                            PlainHttp.LOOPBACK_ONLY))
                    .hasMessage("conditions.all[0].value: contains an unpaired surrogate (U+D800) at position 1");
            assertThatThrownBy(() -> RuleValidator.validate(
                            "x",
                            "ticket.created",
                            new RuleConditions(List.of(condition("tags", "includes", "vip")), null),
                            List.of(new Action("internal_note", NODES.stringNode("\u001b[31mred"))),
                            PlainHttp.LOOPBACK_ONLY))
                    .hasMessage("actions[0].value: contains the control character U+001B at position 0");
        }

        @Test
        void shouldRefuseAStatusValueNamingTheChoices() {
            assertThatThrownBy(() -> RuleValidator.validate(
                            "x",
                            "ticket.created",
                            new RuleConditions(List.of(condition("status", "is", "closedd")), null),
                            List.of(new Action("priority", NODES.stringNode("high"))),
                            PlainHttp.LOOPBACK_ONLY))
                    .hasMessage("conditions.all[0].value for status is must be one of [new, open, pending, hold,"
                            + " solved, closed]; it is \"closedd\"");
        }
    }
}
