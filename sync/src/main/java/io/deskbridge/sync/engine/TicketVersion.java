package io.deskbridge.sync.engine;

import tools.jackson.databind.JsonNode;

/**
 * One new version of a synced ticket.
 *
 * @param version the ticket's {@code generated_timestamp}
 * @param before the stored version's JSON, or null when the ticket was not stored yet
 * @param after the incoming JSON
 */
public record TicketVersion(long ticketId, long version, JsonNode before, JsonNode after) {}
