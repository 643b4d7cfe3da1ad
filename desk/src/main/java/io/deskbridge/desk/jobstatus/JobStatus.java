package io.deskbridge.desk.jobstatus;

import java.time.Instant;
import java.util.List;

/**
 * A bulk job and what it has done so far.
 *
 * @param status {@code queued}, {@code working}, {@code completed} or {@code failed}
 * @param results the finished items' results in item order (empty while none is done)
 */
public record JobStatus(
        String id,
        String jobType,
        String status,
        int total,
        int progress,
        String message,
        long actorId,
        Instant createdAt,
        List<JobResult> results) {

    public boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }
}
