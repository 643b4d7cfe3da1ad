package io.deskbridge.sync.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 404 with a {@code RecordNotFound} body whose description names what was looked for. */
public class RecordNotFoundException extends ApiException {

    public RecordNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }

    @Override
    public Map<String, Object> body() {
        return ApiErrors.recordNotFound(getMessage());
    }
}
