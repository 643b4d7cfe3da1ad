package io.deskbridge.sync.engine;

import tools.jackson.databind.JsonNode;

/**
 * One record of an export page, ready to store.
 *
 * @param version what "newer" means for the stream: an older version never replaces a newer one
 * @param ticketId the comment's ticket (ticket comments only, else null)
 * @param createdAt the comment's creation time as sent (ticket comments only, else null)
 */
record StreamRecord(long id, long version, JsonNode json, Long ticketId, String createdAt) {}
