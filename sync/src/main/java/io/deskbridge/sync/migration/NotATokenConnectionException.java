package io.deskbridge.sync.migration;

import io.deskbridge.sync.api.ApiError;
import io.deskbridge.sync.api.ApiException;
import org.springframework.http.HttpStatus;

/** 409: the connection has no API token to migrate from (already OAuth, or no credential yet). */
public class NotATokenConnectionException extends ApiException {

    NotATokenConnectionException(String description) {
        super(HttpStatus.CONFLICT, description);
    }

    @Override
    public ApiError body() {
        return ApiError.of("NotATokenConnection", getMessage());
    }
}
