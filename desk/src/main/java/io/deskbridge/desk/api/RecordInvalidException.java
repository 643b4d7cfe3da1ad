package io.deskbridge.desk.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 422 with Zendesk's {@code RecordInvalid} body: one entry per field that broke a rule, whole-record
 * problems under {@code base}.
 */
public class RecordInvalidException extends ApiException {

    private final Map<String, List<Map<String, String>>> details;

    public RecordInvalidException(String field, String errorCode, String description) {
        this(Map.of(field, List.of(Map.of("description", description, "error", errorCode))));
    }

    public RecordInvalidException(Map<String, List<Map<String, String>>> details) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, details.toString());
        this.details = new LinkedHashMap<>(details);
    }

    public Map<String, List<Map<String, String>>> details() {
        return details;
    }

    @Override
    public Map<String, Object> body() {
        return ZendeskErrors.recordInvalid(details);
    }
}
