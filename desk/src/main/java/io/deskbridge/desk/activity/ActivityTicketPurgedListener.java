package io.deskbridge.desk.activity;

import io.deskbridge.desk.ticket.TicketPurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A permanently deleted ticket takes its activities along, in the deleting transaction. */
@Component
class ActivityTicketPurgedListener {

    private final ActivityRepository repository;

    ActivityTicketPurgedListener(ActivityRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(TicketPurged purged) {
        repository.deleteOfTicket(purged.ticketId());
    }
}
