package io.deskbridge.desk.businessrule;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A macro, trigger, automation, view or SLA policy as stored.
 *
 * @param conditions {@code {"all": [...], "any": [...]}} (an SLA policy's filter)
 * @param actions a list of {@code {field, value}} (an SLA policy's policy_metrics)
 * @param execution a view's execution, else null
 * @param categoryId a trigger's category, else null
 */
public record BusinessRule(
        long id,
        RuleKind kind,
        String title,
        String description,
        boolean active,
        int position,
        JsonNode conditions,
        JsonNode actions,
        JsonNode execution,
        Instant createdAt,
        Instant updatedAt,
        Long categoryId) {

    /** A rule outside any category. */
    public BusinessRule(
            long id,
            RuleKind kind,
            String title,
            String description,
            boolean active,
            int position,
            JsonNode conditions,
            JsonNode actions,
            JsonNode execution,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                kind,
                title,
                description,
                active,
                position,
                conditions,
                actions,
                execution,
                createdAt,
                updatedAt,
                null);
    }
}
