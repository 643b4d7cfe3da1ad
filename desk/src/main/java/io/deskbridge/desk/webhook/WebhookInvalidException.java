package io.deskbridge.desk.webhook;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;

/** 422 for a webhook that breaks one of Zendesk's (or desk's) rules; the message names the rule. */
public class WebhookInvalidException extends RecordInvalidException {

    private WebhookInvalidException(String field, String errorCode, String description) {
        super(field, errorCode, description);
    }

    static WebhookInvalidException field(String field, String problem) {
        return new WebhookInvalidException(field, "InvalidValue", Input.label(field) + ": " + problem);
    }

    static WebhookInvalidException blank(String field) {
        return new WebhookInvalidException(field, "BlankValue", Input.label(field) + ": cannot be blank");
    }
}
