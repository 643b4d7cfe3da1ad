package io.deskbridge.desk.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 404 with Zendesk's {@code RecordNotFound} body. */
public class RecordNotFoundException extends ApiException {

    public RecordNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }

    @Override
    public Map<String, Object> body() {
        return ZendeskErrors.recordNotFound();
    }
}
