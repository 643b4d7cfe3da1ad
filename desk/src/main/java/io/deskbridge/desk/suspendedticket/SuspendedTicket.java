package io.deskbridge.desk.suspendedticket;

import java.time.Instant;

/** A message held back, as stored; {@code authorId} when the sender is a known user. */
public record SuspendedTicket(
        long id,
        String subject,
        String content,
        Long authorId,
        String authorName,
        String authorEmail,
        String recipient,
        String cause,
        long causeId,
        String messageId,
        Long brandId,
        Long ticketId,
        String viaChannel,
        Instant createdAt,
        Instant updatedAt) {}
