package io.deskbridge.desk.ticket;

/**
 * The result of a create or update.
 *
 * @param replayed an idempotent create answered from an earlier request with the same key
 */
public record TicketWrite(Ticket ticket, TicketAudit audit, boolean replayed) {}
