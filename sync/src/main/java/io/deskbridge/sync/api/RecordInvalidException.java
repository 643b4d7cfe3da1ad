package io.deskbridge.sync.api;

import org.springframework.http.HttpStatus;

/** 422 with a {@code RecordInvalid} body naming the field, the broken rule and the fix. */
public class RecordInvalidException extends ApiException {

    private final String field;
    private final String code;

    public RecordInvalidException(String field, String code, String description) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, description);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    @Override
    public ApiError body() {
        return ApiError.recordInvalid(field, code, getMessage());
    }
}
