package io.deskbridge.desk.activity;

import java.time.Instant;

/** One activity affecting {@code userId}; {@code comment} is set for {@code tickets.comment} only. */
record TicketActivity(
        long id,
        long userId,
        Long actorId,
        String verb,
        String title,
        long ticketId,
        String subject,
        String comment,
        Boolean commentPublic,
        Instant createdAt,
        Instant updatedAt) {}
