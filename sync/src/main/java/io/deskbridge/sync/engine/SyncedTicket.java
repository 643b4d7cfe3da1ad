package io.deskbridge.sync.engine;

import java.time.Instant;

/** A synced ticket for the data browser: the indexed columns and the JSON as received. */
public record SyncedTicket(long id, String subject, String status, Instant updatedAt, boolean deleted, String json) {}
