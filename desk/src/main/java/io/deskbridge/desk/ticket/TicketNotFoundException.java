package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No (undeleted) ticket with that id. */
public class TicketNotFoundException extends RecordNotFoundException {

    private TicketNotFoundException(String message) {
        super(message);
    }

    public static TicketNotFoundException forId(long id) {
        return new TicketNotFoundException("No ticket with id " + id);
    }
}
