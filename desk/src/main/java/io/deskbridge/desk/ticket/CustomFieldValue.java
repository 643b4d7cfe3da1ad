package io.deskbridge.desk.ticket;

import tools.jackson.databind.JsonNode;

/** One entry of a ticket's {@code custom_fields}: a field id and its open-ended value (null, scalar or list). */
public record CustomFieldValue(long id, JsonNode value) {}
