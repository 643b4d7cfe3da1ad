package io.deskbridge.sync.hint;

import io.deskbridge.sync.api.ApiError;
import io.deskbridge.sync.api.ApiException;
import org.springframework.http.HttpStatus;

/** 401 {@code InvalidSignature}: the hint's signature is missing, wrong or outside the replay window. */
class HintRefusedException extends ApiException {

    HintRefusedException(String message) {
        super(HttpStatus.UNAUTHORIZED, message);
    }

    @Override
    public ApiError body() {
        return ApiError.of("InvalidSignature", getMessage());
    }
}
