package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What one create or update did, as Zendesk's {@code audit} object shows it. */
public record TicketAudit(
        long id,
        long ticketId,
        Long authorId,
        Instant createdAt,
        String viaChannel,
        List<Map<String, Object>> events) {}
