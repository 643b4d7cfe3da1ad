package io.deskbridge.sync.engine;

/**
 * One record of an export page, ready to store.
 *
 * @param version what "newer" means for the stream: an older version never replaces a newer one
 * @param record the record's JSON text as the page carried it, and the top-level fields read from it
 * @param ticketId the comment's ticket (ticket comments only, else null)
 * @param createdAt the comment's creation time as sent (ticket comments only, else null)
 */
record StreamRecord(long id, long version, RawRecord record, Long ticketId, String createdAt) {}
