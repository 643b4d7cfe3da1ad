package io.deskbridge.desk.jobstatus;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import org.springframework.http.HttpStatus;

/**
 * 400: a bulk call with more than {@link JobStatuses#MAX_ITEMS} items, or none. Decision: Zendesk's
 * {@code {"error","description"}} form with {@code InvalidValue}; nothing is queued.
 */
public class TooManyItemsException extends ApiException {

    public TooManyItemsException(String what, int count) {
        super(
                HttpStatus.BAD_REQUEST,
                count == 0
                        ? "Send at least one of " + what
                        : "Too many " + what + ": send at most " + JobStatuses.MAX_ITEMS + " per call (got " + count
                                + ")");
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.described("InvalidValue", getMessage());
    }
}
