package io.deskbridge.sync.automation;

import tools.jackson.databind.JsonNode;

/**
 * One condition in Zendesk's trigger format: {@code {"field": "priority", "operator": "is", "value":
 * "urgent"}}. {@code value} is open-ended (a status, an id, tags, hours, a custom field's value) and
 * absent for {@code changed} and {@code not_changed}.
 */
public record Condition(String field, String operator, JsonNode value) {}
