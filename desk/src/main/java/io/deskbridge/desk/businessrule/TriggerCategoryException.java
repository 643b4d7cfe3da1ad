package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import org.springframework.http.HttpStatus;

/**
 * The trigger categories API's errors, in the {@code {"errors":[{"code","title"}]}} form Zendesk uses
 * there ({@code TriggerCategoryNotFound} 404, {@code InvalidTriggerCategory} and
 * {@code TriggerCategoryNotEmpty} 400).
 */
class TriggerCategoryException extends ApiException {

    private final String code;

    private TriggerCategoryException(HttpStatus status, String code, String title) {
        super(status, title);
        this.code = code;
    }

    static TriggerCategoryException notFound(long id) {
        return new TriggerCategoryException(
                HttpStatus.NOT_FOUND, "TriggerCategoryNotFound", "No trigger category with id " + id);
    }

    static TriggerCategoryException invalid(String title) {
        return new TriggerCategoryException(HttpStatus.BAD_REQUEST, "InvalidTriggerCategory", title);
    }

    static TriggerCategoryException notEmpty(long id, long triggers) {
        return new TriggerCategoryException(
                HttpStatus.BAD_REQUEST,
                "TriggerCategoryNotEmpty",
                "Trigger category " + id + " still holds " + triggers + " triggers; move or delete them first");
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.errors(code, getMessage());
    }
}
