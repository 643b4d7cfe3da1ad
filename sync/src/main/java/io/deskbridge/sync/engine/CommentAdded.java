package io.deskbridge.sync.engine;

import tools.jackson.databind.JsonNode;

/**
 * A comment sync had not stored before.
 *
 * @param version the comment event's timestamp (epoch seconds)
 * @param comment the comment as exported ({@code body}, {@code public}, {@code author_id}, ...)
 */
public record CommentAdded(long ticketId, long commentId, long version, JsonNode comment) {}
