package io.deskbridge.desk.api;

import org.springframework.http.HttpStatus;

/** 403 for a role that may not do this, with Zendesk's role body. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.forbidden();
    }
}
