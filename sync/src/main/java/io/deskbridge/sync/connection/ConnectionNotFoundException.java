package io.deskbridge.sync.connection;

import io.deskbridge.sync.api.RecordNotFoundException;

public class ConnectionNotFoundException extends RecordNotFoundException {

    private ConnectionNotFoundException(String message) {
        super(message);
    }

    public static ConnectionNotFoundException forId(long id) {
        return new ConnectionNotFoundException("There is no connection " + id);
    }
}
