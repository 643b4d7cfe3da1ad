package io.deskbridge.desk.ticket;

import java.time.Instant;

/** A comment on a ticket; the first one is the ticket's description. */
public record TicketComment(
        long id,
        long ticketId,
        long auditId,
        long authorId,
        String body,
        String htmlBody,
        String plainBody,
        boolean isPublic,
        String viaChannel,
        Instant createdAt) {}
