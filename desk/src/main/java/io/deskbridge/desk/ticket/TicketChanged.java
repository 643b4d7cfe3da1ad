package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Published synchronously inside the transaction that changed a ticket, so listeners (the webhook
 * outbox) write in that same transaction: the change and its notifications commit together.
 *
 * @param ticket the ticket after the change (for {@link Kind#DELETED}, as it was deleted)
 * @param previous the ticket before the change; null for {@link Kind#CREATED}
 * @param events the audit's events (field changes, the comment) as Zendesk's audit shows them, as maps
 *     for the webhook outbox until it reads {@link AuditEvent} records
 * @param actorId who made the change
 */
public record TicketChanged(
        Kind kind, Ticket ticket, Ticket previous, List<Map<String, Object>> events, Long actorId, Instant at) {

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED,
        RESTORED
    }
}
