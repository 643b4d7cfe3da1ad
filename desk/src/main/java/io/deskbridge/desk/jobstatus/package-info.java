/**
 * Job statuses: {@code GET /api/v2/job_statuses}, {@code /job_statuses/{id}}, {@code /job_statuses/show_many}.
 *
 * <p>Decision, and the gap. Zendesk queues its bulk writes ({@code update_many}, {@code create_many},
 * {@code destroy_many} of tickets and users...) and answers them with a {@code job_status} to poll. desk
 * has no queued bulk jobs yet: the bulk writes it serves run at once inside the request. So the list is
 * honestly empty (dlt's {@code job_status} resource reads it with {@code page[size]}, Zendesk's cursor
 * pagination, and gets a last page), a job id is a 404 {@code RecordNotFound}, and {@code show_many}
 * finds none of the ids. When bulk jobs exist, this lists them (Zendesk keeps them about an hour).
 */
package io.deskbridge.desk.jobstatus;
