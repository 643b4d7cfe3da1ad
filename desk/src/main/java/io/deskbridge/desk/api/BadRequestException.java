package io.deskbridge.desk.api;

import org.springframework.http.HttpStatus;

/** 400 in Zendesk's {@code {"errors":[{"code","title"}]}} form. */
public class BadRequestException extends ApiException {

    private final String code;

    public BadRequestException(String code, String title) {
        super(HttpStatus.BAD_REQUEST, title);
        this.code = code;
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.errors(code, getMessage());
    }
}
