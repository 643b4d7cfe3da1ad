package io.deskbridge.sync.api;

import org.springframework.http.HttpStatus;

/** 404 with a {@code RecordNotFound} body whose description names what was looked for. */
public class RecordNotFoundException extends ApiException {

    public RecordNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }

    @Override
    public ApiError body() {
        return ApiError.recordNotFound(getMessage());
    }
}
