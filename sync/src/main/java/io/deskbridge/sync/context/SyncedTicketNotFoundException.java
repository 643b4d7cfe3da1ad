package io.deskbridge.sync.context;

import io.deskbridge.sync.api.RecordNotFoundException;

public class SyncedTicketNotFoundException extends RecordNotFoundException {

    private SyncedTicketNotFoundException(String message) {
        super(message);
    }

    static SyncedTicketNotFoundException forId(long connectionId, long ticketId) {
        return new SyncedTicketNotFoundException(
                "Connection " + connectionId + " has no synced ticket " + ticketId + " (sync it, or check the id)");
    }
}
