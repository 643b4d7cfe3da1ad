package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskErrors;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key was used before with a different request body: Zendesk's 400. */
public class IdempotencyConflictException extends ApiException {

    public IdempotencyConflictException() {
        super(HttpStatus.BAD_REQUEST, "Idempotency-Key reused with a different request");
    }

    @Override
    public Map<String, Object> body() {
        return ZendeskErrors.error(
                "IdempotentRequestError",
                "This Idempotency-Key was already used with a different request body within the last two hours");
    }
}
