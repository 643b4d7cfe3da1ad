package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;

/** What one create or update did, as Zendesk's {@code audit} object shows it. */
public record TicketAudit(
        long id, long ticketId, Long authorId, Instant createdAt, String viaChannel, List<AuditEvent> events) {}
