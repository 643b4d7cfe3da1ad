package io.deskbridge.desk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketFilter.UserField;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ViewConditionsTests {

    private static final long ME = 7;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldRunEveryAllConditionTheListCanSay() {
        ViewConditions.Plan plan = ViewConditions.plan(json("""
                        {"all": [
                          {"field": "status", "operator": "less_than", "value": "solved"},
                          {"field": "priority", "operator": "greater_than", "value": "normal"},
                          {"field": "assignee_id", "operator": "is", "value": "current_user"},
                          {"field": "group_id", "operator": "is_not", "value": 12},
                          {"field": "requester_id", "operator": "is", "value": ""},
                          {"field": "type", "operator": "is", "value": "incident"},
                          {"field": "current_tags", "operator": "not_includes", "value": "spam"}
                        ], "any": [{"field": "status", "operator": "is_not", "value": "hold"}]}"""), ME);
        assertThat(plan.unsupported()).isNull();
        assertThat(plan.criteria())
                .containsExactly(
                        new TicketFilter.StatusIn(List.of("new", "open", "pending", "hold")),
                        new TicketFilter.PriorityIn(List.of("high", "urgent")),
                        new TicketFilter.UserIs(UserField.ASSIGNEE, ME),
                        new TicketFilter.Not(new TicketFilter.GroupIs(12L)),
                        new TicketFilter.UserIs(UserField.REQUESTER, null),
                        new TicketFilter.TypeIs("incident"),
                        new TicketFilter.Not(new TicketFilter.HasTag("spam")),
                        new TicketFilter.StatusIn(List.of("new", "open", "pending", "solved", "closed")));
    }

    @Test
    void shouldRefuseAViewWithSeveralAnyConditionsRatherThanApproximateIt() {
        ViewConditions.Plan plan = ViewConditions.plan(json("""
                        {"all": [], "any": [
                          {"field": "status", "operator": "is", "value": "new"},
                          {"field": "status", "operator": "is", "value": "open"}]}"""), ME);
        assertThat(plan.unsupported()).isEqualTo("it has 2 \"any\" conditions (one of several must hold)");
        assertThat(plan.criteria()).isEmpty();
    }

    @Test
    void shouldNameAConditionItCannotRun() {
        ViewConditions.Plan plan = ViewConditions.plan(
                json("{\"all\": [{\"field\": \"satisfaction_score\", \"operator\": \"is\", \"value\": \"good\"}]}"),
                ME);
        assertThat(plan.unsupported())
                .isEqualTo("the condition {\"field\":\"satisfaction_score\",\"operator\":\"is\",\"value\":\"good\"}"
                        + " is not one the list can run");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
