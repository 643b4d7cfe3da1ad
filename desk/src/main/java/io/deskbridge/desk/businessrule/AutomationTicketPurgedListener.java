package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.ticket.TicketPurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A permanently deleted ticket takes its automation firings along, in the deleting transaction. */
@Component
class AutomationTicketPurgedListener {

    private final AutomationRepository repository;

    AutomationTicketPurgedListener(AutomationRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(TicketPurged purged) {
        repository.deleteOfTicket(purged.ticketId());
    }
}
