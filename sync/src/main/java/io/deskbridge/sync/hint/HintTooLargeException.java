package io.deskbridge.sync.hint;

import io.deskbridge.sync.api.ApiError;
import io.deskbridge.sync.api.ApiException;
import org.springframework.http.HttpStatus;

/** 413: a hint body over {@link HintController#MAX_BODY_BYTES}; it is not read further. */
class HintTooLargeException extends ApiException {

    HintTooLargeException() {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "A webhook hint's body may be at most " + HintController.MAX_BODY_BYTES
                        + " bytes; Zendesk's ticket events are a few KiB");
    }

    @Override
    public ApiError body() {
        return ApiError.of("PayloadTooLarge", getMessage());
    }
}
