package io.deskbridge.sync.context;

import io.deskbridge.sync.api.RecordNotFoundException;

public class SyncedUserNotFoundException extends RecordNotFoundException {

    private SyncedUserNotFoundException(String message) {
        super(message);
    }

    static SyncedUserNotFoundException forId(long connectionId, long userId) {
        return new SyncedUserNotFoundException("Connection " + connectionId + " has no synced user " + userId
                + " and no synced ticket requested by them (sync it, or check the id)");
    }
}
