package io.deskbridge.sync.automation;

import tools.jackson.databind.JsonNode;

/**
 * One action in Zendesk's trigger format: {@code {"field": "group_id", "value": 360001}}. Fields:
 * {@code status}, {@code priority}, {@code type}, {@code group_id}, {@code assignee_id}, {@code
 * add_tags} (Zendesk's {@code current_tags}), {@code remove_tags}, {@code set_tags}, {@code
 * custom_fields_<id>}, {@code internal_note}, {@code public_reply}, and {@code notify} (value: the
 * endpoint's https URL).
 */
public record Action(String field, JsonNode value) {}
