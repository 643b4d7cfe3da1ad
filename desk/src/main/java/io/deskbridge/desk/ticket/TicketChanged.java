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
 * @param origin {@link Origin#IMPORT} for a ticket written by the ticket import API: listeners that
 *     notify or react (webhooks, triggers, activities) skip it, as Zendesk runs no business rules and
 *     sends no notifications for imported tickets
 */
public record TicketChanged(
        Kind kind,
        Ticket ticket,
        Ticket previous,
        List<Map<String, Object>> events,
        Long actorId,
        Instant at,
        Origin origin) {

    /** A live change (the API, the agent workspace, a bulk job): listeners react to it. */
    public TicketChanged(
            Kind kind, Ticket ticket, Ticket previous, List<Map<String, Object>> events, Long actorId, Instant at) {
        this(kind, ticket, previous, events, actorId, at, Origin.LIVE);
    }

    /** Whether the change is a historical import, which no listener should notify about or act on. */
    public boolean imported() {
        return origin == Origin.IMPORT;
    }

    public enum Origin {
        LIVE,
        IMPORT
    }

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED,
        RESTORED
    }
}
