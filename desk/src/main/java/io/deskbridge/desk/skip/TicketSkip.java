package io.deskbridge.desk.skip;

import java.time.Instant;

record TicketSkip(long id, long userId, long ticketId, String reason, Instant createdAt, Instant updatedAt) {}
