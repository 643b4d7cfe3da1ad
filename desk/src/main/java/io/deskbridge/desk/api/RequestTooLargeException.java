package io.deskbridge.desk.api;

import org.springframework.http.HttpStatus;

/** 413 in the {@code {"errors":[{"code":"RequestTooLarge","title"}]}} form the size filter answers too. */
public class RequestTooLargeException extends ApiException {

    public RequestTooLargeException(String title) {
        super(HttpStatus.CONTENT_TOO_LARGE, title);
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.errors("RequestTooLarge", getMessage());
    }
}
