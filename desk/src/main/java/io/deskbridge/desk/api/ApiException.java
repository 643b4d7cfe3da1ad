package io.deskbridge.desk.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An API failure that already knows its HTTP status and its Zendesk-shaped body. Capabilities extend
 * the concrete subclasses below with their own types; {@link ZendeskErrorHandler} turns them into
 * responses in one place.
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

    /** The JSON body, exactly as Zendesk shapes it for this kind of failure. */
    public abstract ZendeskError body();

    /** Extra response headers (for example Retry-After); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
