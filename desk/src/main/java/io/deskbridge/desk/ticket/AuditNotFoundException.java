package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No audit with that id on that ticket. */
public class AuditNotFoundException extends RecordNotFoundException {

    private AuditNotFoundException(String message) {
        super(message);
    }

    public static AuditNotFoundException forId(long ticketId, long auditId) {
        return new AuditNotFoundException("No audit " + auditId + " on ticket " + ticketId);
    }
}
