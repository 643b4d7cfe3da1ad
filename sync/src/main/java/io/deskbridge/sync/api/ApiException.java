package io.deskbridge.sync.api;

import org.springframework.http.HttpStatus;

/**
 * A REST failure that knows its HTTP status and its body. Capabilities extend the concrete
 * subclasses with their own types; {@link ApiErrorHandler} turns them into responses in one place.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;

    protected ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public abstract ApiError body();
}
