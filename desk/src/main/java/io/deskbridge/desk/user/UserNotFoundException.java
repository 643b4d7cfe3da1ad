package io.deskbridge.desk.user;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No user with that id. */
public class UserNotFoundException extends RecordNotFoundException {

    private UserNotFoundException(String message) {
        super(message);
    }

    public static UserNotFoundException forId(long id) {
        return new UserNotFoundException("No user with id " + id);
    }

    public static UserNotFoundException forExternalId(String externalId) {
        return new UserNotFoundException("No user with external_id \"" + externalId + "\"");
    }
}
