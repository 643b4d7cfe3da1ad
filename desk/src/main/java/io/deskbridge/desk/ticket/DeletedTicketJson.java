package io.deskbridge.desk.ticket;

import java.time.Instant;

/** An entry of {@code /api/v2/deleted_tickets}. */
record DeletedTicketJson(
        long id, String subject, String description, Actor actor, String previousState, Instant deletedAt) {

    /** Who deleted the ticket; the name is null when that user no longer exists. */
    record Actor(Long id, String name) {}

    static DeletedTicketJson of(Ticket t, String actorName) {
        return new DeletedTicketJson(
                t.id(), t.subject(), t.description(), new Actor(t.deletedBy(), actorName), t.status(), t.deletedAt());
    }
}
