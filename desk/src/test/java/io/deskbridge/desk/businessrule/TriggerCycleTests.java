package io.deskbridge.desk.businessrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.ticket.CustomFieldValue;
import io.deskbridge.desk.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zendesk's trigger semantics on desk's engine, as "About triggers and how they work" describes them:
 * position order, each trigger at most once per write, the cycle repeated while triggers fire,
 * later triggers seeing earlier triggers' changes; conditions and actions per the conditions and
 * actions references.
 */
class TriggerCycleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long REQUESTER = 10;
    private static final long AGENT = 20;

    private final List<BusinessRule> triggers = new ArrayList<>();

    private static Ticket ticket(String status, String priority, Long assignee, List<String> tags) {
        return new Ticket(
                7,
                null,
                null,
                "Printer on fire",
                "Printer on fire",
                "It burns",
                priority,
                status,
                null,
                REQUESTER,
                REQUESTER,
                assignee,
                null,
                null,
                List.of(),
                List.of(),
                tags,
                List.of(),
                "api",
                null,
                true,
                false,
                T0,
                T0,
                0,
                null,
                null);
    }

    private BusinessRule trigger(int position, String conditions, String actions) {
        BusinessRule rule = new BusinessRule(
                100 + triggers.size(),
                RuleKind.TRIGGER,
                "T" + position,
                "",
                true,
                position,
                JSON.readTree(conditions),
                JSON.readTree(actions),
                null,
                T0,
                T0);
        triggers.add(rule);
        return rule;
    }

    private static String all(String... conditions) {
        return "{\"all\":[" + String.join(",", conditions) + "],\"any\":[]}";
    }

    private static String c(String field, String operator, String value) {
        return "{\"field\":\"" + field + "\",\"operator\":\"" + operator + "\",\"value\":" + value + "}";
    }

    private static String set(String field, String value) {
        return "[{\"field\":\"" + field + "\",\"value\":" + value + "}]";
    }

    private TriggerCycle.Result run(RuleTicket t) {
        List<BusinessRule> inRunOrder = triggers.stream()
                .sorted(java.util.Comparator.comparingInt(BusinessRule::position))
                .toList();
        return TriggerCycle.run(inRunOrder, t, id -> id == AGENT, id -> id == 5);
    }

    private static RuleTicket update(Ticket before, Ticket after, Boolean commentPublic) {
        return new RuleTicket(
                after,
                before,
                commentPublic,
                commentPublic == null ? null : "hello",
                "api",
                AGENT,
                (m, business) -> -1);
    }

    private static RuleTicket create(Ticket t) {
        return new RuleTicket(t, null, true, "hello", "api", REQUESTER, (m, business) -> -1);
    }

    @Nested
    class Ordering {

        @Test
        void shouldRunTriggersInPositionOrderSoALaterTriggerSeesAnEarlierOnesChange() {
            trigger(2, all(c("priority", "is", "\"high\"")), set("current_tags", "\"escalated\""));
            trigger(1, all(c("update_type", "is", "\"Create\"")), set("priority", "\"high\""));
            RuleTicket t = create(ticket("new", null, null, List.of()));

            TriggerCycle.Result result = run(t);

            assertThat(result.fired()).containsExactly(101L, 100L);
            assertThat(t.priority).isEqualTo("high");
            assertThat(t.tags).containsExactly("escalated");
        }

        @Test
        void shouldLetAnEarlierTriggerSeeALaterOnesChangeInTheNextPass() {
            trigger(1, all(c("priority", "is", "\"urgent\"")), set("current_tags", "\"paged\""));
            trigger(2, all(c("update_type", "is", "\"Create\"")), set("priority", "\"urgent\""));
            RuleTicket t = create(ticket("new", null, null, List.of()));

            TriggerCycle.Result result = run(t);

            assertThat(result.fired()).containsExactly(101L, 100L);
            assertThat(t.tags).containsExactly("paged");
        }

        @Test
        void shouldFireEachTriggerAtMostOncePerWriteEvenWhenItStillMatches() {
            // Both always match and keep changing the ticket: without "once per write" this would loop.
            trigger(1, all(c("status", "is_not", "\"closed\"")), set("current_tags", "\"one\""));
            trigger(2, all(c("status", "is_not", "\"closed\"")), set("remove_tags", "\"one\""));
            RuleTicket t = create(ticket("new", null, null, List.of()));

            TriggerCycle.Result result = run(t);

            assertThat(result.fired()).containsExactly(100L, 101L);
            assertThat(t.tags).isEmpty();
        }

        @Test
        void shouldSkipInactiveTriggers() {
            trigger(1, all(c("update_type", "is", "\"Create\"")), set("priority", "\"low\""));
            BusinessRule inactive = triggers.remove(0);
            triggers.add(new BusinessRule(
                    inactive.id(),
                    inactive.kind(),
                    inactive.title(),
                    "",
                    false,
                    1,
                    inactive.conditions(),
                    inactive.actions(),
                    null,
                    T0,
                    T0));
            RuleTicket t = create(ticket("new", null, null, List.of()));

            assertThat(run(t).fired()).isEmpty();
            assertThat(t.priority).isNull();
        }
    }

    @Nested
    class Conditions {

        @ParameterizedTest(name = "{0} {1} {2} on new→open, priority normal: {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "status|is|\"open\"|true",
                    "status|is_not|\"open\"|false",
                    "status|less_than|\"pending\"|true",
                    "status|greater_than|\"new\"|true",
                    "status|greater_than|\"solved\"|false",
                    "status|changed|null|true",
                    "status|not_changed|null|false",
                    "status|value|\"open\"|true",
                    "status|value|\"pending\"|false",
                    "status|value_previous|\"new\"|true",
                    "status|not_value_previous|\"new\"|false",
                    "priority|changed|null|false",
                    "priority|is|\"normal\"|true",
                    "priority|less_than|\"high\"|true",
                    "assignee_id|is|\"20\"|true",
                    "assignee_id|is|\"current_user\"|true",
                    "assignee_id|value_previous|\"\"|true",
                    "group_id|is|\"\"|true",
                    "requester_id|is|\"10\"|true",
                    "update_type|is|\"Change\"|true",
                    "update_type|is|\"Create\"|false",
                    "current_tags|includes|\"vip other\"|true",
                    "current_tags|includes|\"other\"|false",
                    "current_tags|not_includes|\"vip\"|false",
                    "comment_is_public|is|true|true",
                    "comment_is_public|is|false|false",
                    "comment_is_public|is|\"not_relevant\"|true",
                    "via_id|is|5|true",
                    "via_id|is|0|false",
                    "custom_fields_42|is|\"gold\"|true",
                    "custom_fields_42|changed|null|true",
                    "custom_fields_43|is|false|true",
                    "brand_id|is|\"1\"|false",
                    "no_such_field|is|\"x\"|false"
                })
        void shouldEvaluateZendesksOperators(String field, String operator, String value, boolean holds) {
            Ticket before = ticket("new", "normal", null, List.of("vip"));
            Ticket after = withField(ticket("open", "normal", AGENT, List.of("vip")), "gold");
            RuleTicket t = update(before, after, true);

            assertThat(RuleConditions.holds(JSON.readTree(c(field, operator, value)), t))
                    .isEqualTo(holds);
        }

        @Test
        void shouldNeedEveryAllConditionAndOneAnyCondition() {
            RuleTicket t = create(ticket("new", "low", null, List.of()));
            JsonNode both = JSON.readTree("{\"all\":[" + c("status", "is", "\"new\"") + "],\"any\":["
                    + c("priority", "is", "\"high\"") + "," + c("priority", "is", "\"low\"") + "]}");
            JsonNode noAny = JSON.readTree("{\"all\":[" + c("status", "is", "\"new\"") + "],\"any\":["
                    + c("priority", "is", "\"high\"") + "]}");

            assertThat(RuleConditions.matches(both, t)).isTrue();
            assertThat(RuleConditions.matches(noAny, t)).isFalse();
        }

        @ParameterizedTest(name = "hours_since_created {0} {1} at 30 h (10 business hours): {2}")
        @CsvSource({
            "is,30,true",
            "is,29,false",
            "greater_than,24,true",
            "less_than,24,false",
            "less_than,48,true",
            "is_business_hours,10,true",
            "is_business_hours,30,false",
            "greater_than_business_hours,24,false",
            "greater_than_business_hours,9,true",
            "less_than_business_hours,24,true"
        })
        void shouldCompareWholeHoursForAutomations(String operator, String hours, boolean holds) {
            Ticket t = ticket("pending", null, null, List.of());
            RuleTicket view = new RuleTicket(
                    t, t, null, null, "rule", null, (m, business) -> m.equals("created") ? (business ? 10 : 30) : -1);

            assertThat(RuleConditions.holds(
                            JSON.readTree(c("hours_since_created", operator, "\"" + hours + "\"")), view))
                    .isEqualTo(holds);
            assertThat(RuleConditions.holds(
                            JSON.readTree(c("hours_since_solved", operator, "\"" + hours + "\"")), view))
                    .as("a milestone that never happened")
                    .isFalse();
        }

        private static Ticket withField(Ticket t, String value) {
            return new Ticket(
                    t.id(),
                    null,
                    null,
                    t.subject(),
                    t.rawSubject(),
                    t.description(),
                    t.priority(),
                    t.status(),
                    null,
                    t.requesterId(),
                    t.submitterId(),
                    t.assigneeId(),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    t.tags(),
                    List.of(new CustomFieldValue(42, JSON.getNodeFactory().stringNode(value))),
                    "api",
                    null,
                    true,
                    false,
                    T0,
                    T0,
                    0,
                    null,
                    null);
        }
    }

    @Nested
    class Actions {

        @Test
        void shouldSetFieldsAndRecordWhichTriggerChangedEach() {
            trigger(
                    1,
                    all(c("update_type", "is", "\"Create\"")),
                    "[{\"field\":\"status\",\"value\":\"open\"},{\"field\":\"priority\",\"value\":\"urgent\"},"
                            + "{\"field\":\"type\",\"value\":\"incident\"},{\"field\":\"group_id\",\"value\":\"5\"},"
                            + "{\"field\":\"assignee_id\",\"value\":\"20\"},{\"field\":\"custom_fields_42\",\"value\":\"gold\"},"
                            + "{\"field\":\"set_tags\",\"value\":\"a b\"},{\"field\":\"current_tags\",\"value\":\"c\"},"
                            + "{\"field\":\"remove_tags\",\"value\":\"a\"}]");
            RuleTicket t = create(ticket("new", null, null, List.of("old")));

            TriggerCycle.Result result = run(t);

            assertThat(t.edit().status()).isEqualTo("open");
            assertThat(t.edit().priority()).isEqualTo("urgent");
            assertThat(t.edit().type()).isEqualTo("incident");
            assertThat(t.edit().groupId()).isEqualTo(5L);
            assertThat(t.edit().assigneeId()).isEqualTo(AGENT);
            assertThat(t.edit().tags()).containsExactly("b", "c");
            assertThat(t.edit().customFields())
                    .extracting(f -> f.id() + "=" + f.value().asString())
                    .containsExactly("42=gold");
            assertThat(result.effects().changedBy.keySet())
                    .containsExactlyInAnyOrder(
                            "status", "priority", "type", "group_id", "assignee_id", "tags", "custom_fields");
            assertThat(result.effects().changedBy.get("status").channel()).isEqualTo("rule");
            assertThat(result.effects().changedBy.get("status").source().rel()).isEqualTo("trigger");
            assertThat(result.effects()
                            .changedBy
                            .get("status")
                            .source()
                            .from()
                            .path("id")
                            .asLong())
                    .isEqualTo(100L);
        }

        @Test
        void shouldNotSetAnAssigneeOrGroupThatDoesNotExist() {
            trigger(
                    1,
                    all(c("update_type", "is", "\"Create\"")),
                    "[{\"field\":\"assignee_id\",\"value\":\"999\"},{\"field\":\"group_id\",\"value\":\"998\"}]");
            RuleTicket t = create(ticket("new", null, null, List.of()));

            run(t);

            assertThat(t.assigneeId).isNull();
            assertThat(t.groupId).isNull();
        }

        @Test
        void shouldCollectWebhookCallsAndNotificationsInFiringOrder() {
            trigger(
                    1,
                    all(c("update_type", "is", "\"Create\"")),
                    "[{\"field\":\"notification_webhook\",\"value\":[\"77\",\"{\\\"id\\\":\\\"{{ticket.id}}\\\"}\"]},"
                            + "{\"field\":\"notification_user\",\"value\":[\"requester_id\",\"Hi\",\"Got it\"]},"
                            + "{\"field\":\"notification_group\",\"value\":[\"group_id\",\"New\",\"Look\"]}]");
            RuleTicket t = create(ticket("new", null, null, List.of()));

            TriggerCycle.Result result = run(t);

            assertThat(result.effects().webhooks).singleElement().satisfies(call -> {
                assertThat(call.webhookId()).isEqualTo(77L);
                assertThat(call.template()).isEqualTo("{\"id\":\"{{ticket.id}}\"}");
            });
            assertThat(result.effects().notifications)
                    .extracting(RuleActions.Notify::field, RuleActions.Notify::to)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("notification_user", "requester_id"),
                            org.assertj.core.groups.Tuple.tuple("notification_group", "group_id"));
        }
    }

    @Nested
    class PlaceholderRendering {

        @Test
        void shouldFillKnownPlaceholdersEscapeThemForJsonAndEmptyUnknownOnes() {
            String body = Placeholders.render(
                    "{\"title\":\"{{ticket.title}}\",\"id\":\"{{ ticket.id }}\",\"x\":\"{{ticket.nope}}\"}",
                    name -> switch (name) {
                        case "ticket.title" -> "Say \"hi\"\n";
                        case "ticket.id" -> "7";
                        default -> null;
                    },
                    true);

            assertThat(body).isEqualTo("{\"title\":\"Say \\\"hi\\\"\\n\",\"id\":\"7\",\"x\":\"\"}");
            assertThat(JSON.readTree(body).path("title").asString()).isEqualTo("Say \"hi\"\n");
        }
    }
}
