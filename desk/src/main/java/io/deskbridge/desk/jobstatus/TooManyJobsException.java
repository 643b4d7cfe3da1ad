package io.deskbridge.desk.jobstatus;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 429: the account already has its limit of queued or running jobs (Zendesk's job limit, 30). Decision:
 * the body is Zendesk's {@code {"error","description"}} form with the code {@code TooManyJobs}, and
 * {@code Retry-After} asks for a minute; clients only read the status and the header.
 */
public class TooManyJobsException extends ApiException {

    TooManyJobsException(int limit) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "Number of allowed background jobs (" + limit
                        + ") exceeded: wait for a queued job to finish (GET /api/v2/job_statuses)");
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.described("TooManyJobs", getMessage());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "60");
    }
}
