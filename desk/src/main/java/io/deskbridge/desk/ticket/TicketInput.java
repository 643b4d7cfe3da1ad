package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.Input;

/**
 * A ticket's API input read as the ticket endpoints read it, for callers outside this package (the bulk
 * jobs): the same fields, limits and 4xx problems as {@code POST/PUT /api/v2/tickets} and {@code POST
 * /api/v2/imports/tickets}.
 */
public final class TicketInput {

    private TicketInput() {}

    /** The fields of a ticket create or update. */
    public static TicketChanges changes(Input ticket) {
        return TicketController.changes(ticket);
    }

    /** The history of an imported ticket (times, comments); {@code archiveImmediately} from the query. */
    public static TicketImport history(Input ticket, boolean archiveImmediately) {
        return TicketImportController.history(ticket, archiveImmediately);
    }
}
