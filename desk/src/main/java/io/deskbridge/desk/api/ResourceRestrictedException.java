package io.deskbridge.desk.api;

import org.springframework.http.HttpStatus;

/** 403 with Zendesk's restricted-resource body (see {@link ZendeskError#resourceRestricted()}). */
public class ResourceRestrictedException extends ApiException {

    public ResourceRestrictedException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.resourceRestricted();
    }
}
