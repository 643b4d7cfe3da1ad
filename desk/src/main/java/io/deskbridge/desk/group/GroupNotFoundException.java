package io.deskbridge.desk.group;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No group with that id. */
public class GroupNotFoundException extends RecordNotFoundException {

    private GroupNotFoundException(String message) {
        super(message);
    }

    public static GroupNotFoundException forId(long id) {
        return new GroupNotFoundException("No group with id " + id);
    }
}
