package io.deskbridge.desk.skip;

import io.deskbridge.desk.ticket.TicketPurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A permanently deleted ticket takes its skips along, in the deleting transaction. */
@Component
class SkipTicketPurgedListener {

    private final SkipRepository repository;

    SkipTicketPurgedListener(SkipRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(TicketPurged purged) {
        repository.deleteOfTicket(purged.ticketId());
    }
}
