package io.deskbridge.desk.webhook;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No webhook with that id. */
public class WebhookNotFoundException extends RecordNotFoundException {

    private WebhookNotFoundException(String message) {
        super(message);
    }

    static WebhookNotFoundException forId(String id) {
        return new WebhookNotFoundException("No webhook with id " + id);
    }
}
