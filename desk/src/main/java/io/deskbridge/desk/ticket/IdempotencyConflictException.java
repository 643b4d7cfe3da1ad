package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key was used before with a different request body: Zendesk's 400. */
public class IdempotencyConflictException extends ApiException {

    public IdempotencyConflictException() {
        super(HttpStatus.BAD_REQUEST, "Idempotency-Key reused with a different request");
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.described(
                "IdempotentRequestError",
                "This Idempotency-Key was already used with a different request body within the last two hours");
    }
}
