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
        this(Map.of(field, List.of(problem(description, errorCode))));
    }

    public RecordInvalidException(Map<String, List<Map<String, String>>> details) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, details.toString());
        this.details = new LinkedHashMap<>(details);
    }

    /** One problem, keys in Zendesk's order. */
    public static Map<String, String> problem(String description, String errorCode) {
        Map<String, String> problem = new LinkedHashMap<>();
        problem.put("description", description);
        problem.put("error", errorCode);
        return problem;
    }

    public Map<String, List<Map<String, String>>> details() {
        return details;
    }

    @Override
    public ZendeskError body() {
        Map<String, List<ZendeskError.Problem>> typed = new LinkedHashMap<>();
        details.forEach((field, problems) -> typed.put(
                field,
                problems.stream()
                        .map(p -> new ZendeskError.Problem(p.get("description"), p.get("error")))
                        .toList()));
        return ZendeskError.recordInvalid(typed);
    }
}
