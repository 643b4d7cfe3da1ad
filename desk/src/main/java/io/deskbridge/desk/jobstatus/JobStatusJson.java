package io.deskbridge.desk.jobstatus;

import java.util.List;

/**
 * Zendesk's {@code JobStatusObject}. While queued, {@code progress} and {@code results} are null, as
 * Zendesk shows them; from then on {@code results} lists the finished items in item order.
 */
public record JobStatusJson(
        String id,
        String url,
        String jobType,
        String status,
        Integer total,
        Integer progress,
        String message,
        List<JobResult> results) {

    /** The job's wire name, as Zendesk's (e.g. "Bulk Create Tickets"): see {@code JobHandler}. */
    public static JobStatusJson of(JobStatus job, String baseUrl) {
        boolean queued = job.status().equals("queued");
        return new JobStatusJson(
                job.id(),
                baseUrl + "/api/v2/job_statuses/" + job.id() + ".json",
                job.jobType(),
                job.status(),
                job.total(),
                queued ? null : job.progress(),
                job.message(),
                queued ? null : job.results());
    }

    /** {@code {"job_status": {...}}}, the answer of every bulk call and of a show. */
    public record Envelope(JobStatusJson jobStatus) {}
}
