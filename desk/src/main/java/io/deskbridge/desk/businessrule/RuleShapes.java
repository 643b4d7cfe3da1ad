package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.api.Input;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape checks of a rule's open-ended JSON: conditions ({@code {"all": [...], "any": [...]}}),
 * actions ({@code [{"field", "value"}]}) and SLA policy metrics. Refusals name the field and the
 * rule, never the value.
 */
final class RuleShapes {

    static final Set<String> METRICS = Set.of(
            "first_reply_time",
            "next_reply_time",
            "periodic_update_time",
            "requester_wait_time",
            "agent_work_time",
            "pausable_update_time");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RuleShapes() {}

    /** {@code {"all": [...], "any": [...]}}, both lists present; each condition an object with a field. */
    static ObjectNode conditions(String name, JsonNode value) {
        if (!value.isObject()) {
            throw Input.invalid(name, "must be an object with \"all\" and/or \"any\" lists of conditions");
        }
        ObjectNode normalized = NODES.objectNode();
        normalized.set("all", conditionList(name, value.get("all")));
        normalized.set("any", conditionList(name, value.get("any")));
        return normalized;
    }

    private static ArrayNode conditionList(String name, JsonNode list) {
        ArrayNode out = NODES.arrayNode();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw Input.invalid(name, "\"all\" and \"any\" must be lists of conditions");
        }
        for (JsonNode condition : list) {
            if (!condition.isObject() || !condition.path("field").isString()) {
                throw Input.invalid(name, "each condition must be an object with a \"field\"");
            }
            ObjectNode c = NODES.objectNode();
            c.set("field", condition.get("field"));
            c.set("operator", condition.has("operator") ? condition.get("operator") : NODES.stringNode("is"));
            c.set("value", condition.has("value") ? condition.get("value") : NODES.nullNode());
            out.add(c);
        }
        return out;
    }

    /** A list of {@code {"field", "value"}} objects. */
    static ArrayNode actions(JsonNode value) {
        if (!value.isArray()) {
            throw Input.invalid("actions", "must be a list of actions");
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode action : value) {
            if (!action.isObject() || !action.path("field").isString()) {
                throw Input.invalid("actions", "each action must be an object with a \"field\"");
            }
            ObjectNode a = NODES.objectNode();
            a.set("field", action.get("field"));
            a.set("value", action.has("value") ? action.get("value") : NODES.nullNode());
            out.add(a);
        }
        return out;
    }

    /** SLA policy metrics: Zendesk's metric and priority names, a positive whole target in minutes. */
    static ArrayNode policyMetrics(JsonNode value) {
        if (!value.isArray()) {
            throw Input.invalid("policy_metrics", "must be a list of metrics");
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode metric : value) {
            String name = metric.path("metric").asString("");
            String priority = metric.path("priority").asString("");
            JsonNode target = metric.path("target");
            if (!METRICS.contains(name)) {
                throw Input.invalid(
                        "policy_metrics",
                        "metric must be one of "
                                + String.join(", ", METRICS.stream().sorted().toList()));
            }
            if (!PRIORITIES.contains(priority)) {
                throw Input.invalid("policy_metrics", "priority must be one of " + String.join(", ", PRIORITIES));
            }
            if (!target.isIntegralNumber() || target.longValue() < 1 || target.longValue() > Integer.MAX_VALUE) {
                throw Input.invalid("policy_metrics", "target must be a whole number of minutes above 0");
            }
            JsonNode businessHours = metric.path("business_hours");
            if (!businessHours.isMissingNode() && !businessHours.isNull() && !businessHours.isBoolean()) {
                throw Input.invalid("policy_metrics", "business_hours must be true or false");
            }
            ObjectNode m = NODES.objectNode();
            m.put("priority", priority);
            m.put("metric", name);
            m.put("target", target.intValue());
            m.put("business_hours", businessHours.asBoolean(false));
            out.add(m);
        }
        return out;
    }

    /** Zendesk's default execution of a new view. */
    static ObjectNode defaultExecution() {
        ObjectNode execution = NODES.objectNode();
        execution.put("group_by", "status");
        execution.put("group_order", "asc");
        execution.put("sort_by", "nice_id");
        execution.put("sort_order", "desc");
        ArrayNode columns = execution.putArray("columns");
        for (String id : List.of("score", "subject", "requester", "created", "assignee")) {
            columns.addObject().put("id", id).put("title", Character.toUpperCase(id.charAt(0)) + id.substring(1));
        }
        return execution;
    }
}
