package io.deskbridge.desk.ticket;

import java.time.Instant;

/** A ticket's place in a list: its id and the columns a list can be sorted by. */
public record TicketKey(long id, Instant createdAt, Instant updatedAt) {

    static TicketKey of(Ticket ticket) {
        return new TicketKey(ticket.id(), ticket.createdAt(), ticket.updatedAt());
    }
}
