package io.deskbridge.desk.jobstatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One item's outcome in a job status's {@code results}, in Zendesk's shapes (job_statuses
 * "Results"; what zendesk-java-client's {@code JobResult} and node-zendesk read):
 *
 * <ul>
 *   <li>created: {@code {"index", "id"}} (users also {@code "status": "Created"}, {@code "email"})
 *   <li>updated or deleted: {@code {"id", "action", "success": true, "status": "Updated"|"Deleted"}}
 *   <li>failed: {@code {"id", "action", "success": false, "error", "details"}} when the item named a
 *       record, {@code {"index", "action", "success": false, "error", "details"}} when it did not (a
 *       failed create).
 * </ul>
 *
 * <p>Decision: a failure carries no {@code status}, and {@code index} only without an {@code id}.
 * Zendesk's OpenAPI document makes a result exactly one of CreateResourceResult ({@code id}, {@code
 * index}), UpdateResourceResult ({@code id}, {@code action}, {@code success}, {@code status}) and
 * FailedResult ({@code id}, {@code action}, {@code error}, {@code success}, {@code details}); a failure
 * with a status or with both id and index would match two. A failed create has no id, which none of
 * the three allows: there desk follows Zendesk's answers ({@code {"index", "error", "details"}}) over
 * its schema.
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
        return new JobResult(id == null ? index : null, id, action, false, null, null, null, error, details);
    }
}
