/**
 * Job statuses: {@code GET /api/v2/job_statuses}, {@code /job_statuses/{id}}, {@code
 * /job_statuses/show_many}, and the bulk jobs behind them (queued by bulk/).
 *
 * <p>Decisions.
 *
 * <ul>
 *   <li>Jobs run on db-scheduler (its table {@code scheduled_tasks}, one task per job), so every desk
 *       instance on one database takes jobs, one instance per job at a time, and a job whose instance
 *       died is taken up by another after its heartbeats stop ({@code desk.jobs.*}). A stopping
 *       instance pauses its job between two chunks of items; it is resumed two seconds later, here or elsewhere.
 *   <li>Exactly once per item: items run in chunks of up to {@code desk.jobs.chunk-size} (25), each
 *       chunk in one transaction that also inserts its items' result rows ({@code job_status_results},
 *       keyed by job and item index) and moves the job's progress once. A crash before the commit
 *       loses both, after it keeps both: a resumed job skips the items that have a result. An item
 *       that fails rolls its chunk back; the chunk is applied again with that item alone in its own
 *       transaction (its failure recorded in another), so results are those of one item at a time.
 *       Decision (issue 17): one commit per item held bulk creation to ~180 tickets/s on PostgreSQL;
 *       a chunk's items stay in it no longer than the chunk (each ticket's webhook outbox rows,
 *       audits and rule runs are in the ticket's, now the chunk's, transaction).
 *   <li>A job acts as the user who queued it, re-read when it runs: if they were deleted, suspended or
 *       demoted meanwhile the job fails without applying anything more.
 *   <li>Zendesk's limits: 100 items per call (400 {@code InvalidValue}), 30 queued or running jobs per
 *       account (429 {@code TooManyJobs} with {@code Retry-After}; two calls at the same moment may both
 *       pass at 29), jobs listed for an hour, the last 100 at most. While queued, {@code progress} and
 *       {@code results} are null; then {@code results} lists the finished items ({@code JobResult}).
 *   <li>{@code job_type} is desk's name of the job ({@code ticket.create_many}...): Zendesk documents the
 *       field but not its values.
 * </ul>
 */
package io.deskbridge.desk.jobstatus;
