package io.deskbridge.desk.api;

import org.springframework.http.HttpStatus;

/** 404 with Zendesk's {@code RecordNotFound} body. */
public class RecordNotFoundException extends ApiException {

    public RecordNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.recordNotFound();
    }
}
