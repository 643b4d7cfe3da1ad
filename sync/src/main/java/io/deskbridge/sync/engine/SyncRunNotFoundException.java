package io.deskbridge.sync.engine;

import io.deskbridge.sync.api.RecordNotFoundException;

/** 404: no run with that id. */
public class SyncRunNotFoundException extends RecordNotFoundException {

    private SyncRunNotFoundException(String message) {
        super(message);
    }

    static SyncRunNotFoundException forId(long id) {
        return new SyncRunNotFoundException("There is no sync run " + id);
    }
}
