package io.deskbridge.desk.satisfaction;

import io.deskbridge.desk.ticket.TicketPurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A permanently deleted ticket takes its satisfaction rating along, in the deleting transaction. */
@Component
class SatisfactionTicketPurgedListener {

    private final SatisfactionRatingRepository repository;

    SatisfactionTicketPurgedListener(SatisfactionRatingRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(TicketPurged purged) {
        repository.deleteOfTicket(purged.ticketId());
    }
}
