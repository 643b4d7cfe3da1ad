package io.deskbridge.desk.jobstatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One item's outcome in a job status's {@code results}, in Zendesk's shapes (job_statuses
 * "Results"; what zendesk-java-client's {@code JobResult} and node-zendesk read):
 *
 * <ul>
 *   <li>created: {@code {"index", "id"}} (users also {@code "status": "Created"}, {@code "email"})
 *   <li>updated or deleted: {@code {"id", "action", "success": true, "status": "Updated"|"Deleted"}}
 *   <li>failed: {@code {"index", "id", "action", "success": false, "error", "details"}} ({@code id}
 *       when the item named one).
 * </ul>
 *
 * <p>Decision: a failure carries no {@code status}. Zendesk's OpenAPI document makes a result one of
 * CreateResourceResult, UpdateResourceResult and FailedResult; a failure with {@code status} would
 * match both of the last two, which {@code oneOf} forbids.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobResult(
        Integer index,
        Long id,
        String action,
        Boolean success,
        String status,
        String email,
        String externalId,
        String error,
        String details) {

    public static JobResult created(int index, long id) {
        return new JobResult(index, id, null, null, null, null, null, null, null);
    }

    /** A user created or updated by {@code create_many}/{@code create_or_update_many}. */
    public static JobResult user(int index, long id, boolean created, String email, String externalId) {
        return new JobResult(index, id, null, null, created ? "Created" : "Updated", email, externalId, null, null);
    }

    public static JobResult updated(long id) {
        return new JobResult(null, id, "update", true, "Updated", null, null, null, null);
    }

    public static JobResult deleted(long id) {
        return new JobResult(null, id, "delete", true, "Deleted", null, null, null, null);
    }

    public static JobResult failed(int index, Long id, String action, String error, String details) {
        return new JobResult(index, id, action, false, null, null, null, error, details);
    }
}
