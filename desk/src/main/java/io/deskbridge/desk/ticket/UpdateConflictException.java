package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import org.springframework.http.HttpStatus;

/**
 * 409 for {@code safe_update} with an {@code updated_stamp} that is not the ticket's
 * {@code updated_at}: someone changed the ticket since the caller read it. Zendesk's body (its
 * "Protecting against ticket update collisions" guide): {@code UpdateConflict} and this description.
 */
public class UpdateConflictException extends ApiException {

    static final String DESCRIPTION =
            "Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.";

    UpdateConflictException(long ticketId) {
        super(HttpStatus.CONFLICT, "Ticket " + ticketId + " changed after the caller's updated_stamp");
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.described("UpdateConflict", DESCRIPTION);
    }
}
