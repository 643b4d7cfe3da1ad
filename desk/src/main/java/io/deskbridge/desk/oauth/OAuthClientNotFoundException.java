package io.deskbridge.desk.oauth;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No OAuth client with that id. */
public class OAuthClientNotFoundException extends RecordNotFoundException {

    private OAuthClientNotFoundException(String message) {
        super(message);
    }

    static OAuthClientNotFoundException forId(long id) {
        return new OAuthClientNotFoundException("No OAuth client with id " + id);
    }
}
