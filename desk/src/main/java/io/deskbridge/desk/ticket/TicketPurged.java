package io.deskbridge.desk.ticket;

import java.time.Instant;

/**
 * A soft-deleted ticket was deleted permanently ({@code /api/v2/deleted_tickets}): its row, audits,
 * comments and tags are gone. Published inside the deleting transaction, so capabilities that keep
 * rows of the ticket (ratings, skips, activities, automation firings) remove theirs in it too.
 */
public record TicketPurged(long ticketId, Instant at) {}
