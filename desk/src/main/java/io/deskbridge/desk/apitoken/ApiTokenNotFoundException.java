package io.deskbridge.desk.apitoken;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No API token with that id. */
public class ApiTokenNotFoundException extends RecordNotFoundException {

    private ApiTokenNotFoundException(String message) {
        super(message);
    }

    public static ApiTokenNotFoundException forId(long id) {
        return new ApiTokenNotFoundException("No API token with id " + id);
    }
}
