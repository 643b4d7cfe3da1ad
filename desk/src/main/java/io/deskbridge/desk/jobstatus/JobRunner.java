package io.deskbridge.desk.jobstatus;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job: the items not yet done, in order, in chunks of up to {@code desk.jobs.chunk-size},
 * each chunk in one transaction that also records its items' results and moves the progress once. A
 * job taken up again (after its instance died or stopped) skips the items whose results are recorded,
 * so every item is applied exactly once.
 *
 * <p>An item that fails rolls its whole chunk back (nothing of the chunk is applied or recorded);
 * the chunk is then applied again in three parts: the items before the failing one as a chunk, the
 * failing item alone exactly as a one-item job would (its own transaction; a failure recorded in
 * another), the items after it as a chunk. So each item's result, and what it leaves in the
 * database, is what applying the items one by one in order gives (issue 17: one commit per item
 * limited bulk creation to ~180 tickets/s on PostgreSQL).
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Zendesk's message: "Completed at 2018-03-08 10:07:04 +0000". */
    private static final DateTimeFormatter MESSAGE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx").withZone(ZoneOffset.UTC);

    private final JobRepository repository;
    private final Map<String, JobHandler> handlers;
    private final Users users;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;

    JobRunner(
            JobRepository repository,
            List<JobHandler> handlers,
            Users users,
            PlatformTransactionManager transactions,
            JobProperties properties,
            Clock clock) {
        this.chunkSize = properties.chunkSize();
        this.repository = repository;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::jobType, Function.identity()));
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs the job's remaining items.
     *
     * @param stopping true when this instance is shutting down: the job stops between two chunks and is
     *     left for later (an exception, so db-scheduler keeps the task)
     */
    void run(String jobId, BooleanSupplier stopping) {
        Optional<JobStatus> found = transaction.execute(s -> repository.find(jobId));
        if (found.isEmpty() || found.get().finished()) {
            return;
        }
        JobStatus job = found.get();
        JobHandler handler = handlers.get(job.jobType());
        Optional<UserAccount> actor =
                users.findById(job.actorId()).filter(u -> u.active() && !u.suspended() && u.role() != Role.END_USER);
        if (handler == null || actor.isEmpty()) {
            // The one who queued the job was deleted, suspended or demoted since: they lose access at once.
            transaction.executeWithoutResult(s -> repository.markStatus(
                    jobId,
                    "failed",
                    handler == null
                            ? "Unknown job type " + job.jobType()
                            : "The user who queued this job (" + job.actorId() + ") may no longer make these changes",
                    clock.instant()));
            return;
        }
        DeskPrincipal principal = DeskPrincipal.of(actor.get(), DeskPrincipal.Via.API_TOKEN, null);
        String text = transaction.execute(s -> repository.items(jobId));
        JsonNode items = JSON.readTree(text);
        Set<Integer> done = transaction.execute(s -> repository.doneIndexes(jobId));
        if (job.status().equals("queued")) {
            transaction.executeWithoutResult(s -> repository.markStatus(jobId, "working", null, clock.instant()));
        }
        List<Integer> pending = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            if (!done.contains(index)) {
                pending.add(index);
            }
        }
        Job running = new Job(jobId, handler, principal, items, stopping);
        for (int start = 0; start < pending.size(); start += chunkSize) {
            applyChunk(running, pending.subList(start, Math.min(start + chunkSize, pending.size())));
        }
        transaction.executeWithoutResult(s -> repository.markStatus(
                jobId, "completed", "Completed at " + MESSAGE_TIME.format(clock.instant()), clock.instant()));
    }

    /** What applying a job's items needs. */
    private record Job(
            String id, JobHandler handler, DeskPrincipal principal, JsonNode items, BooleanSupplier stopping) {}

    /** Marks the item that threw while its chunk was applied. */
    private static final int COMMIT = -1;

    /** Applies the items (indexes into the job's items, in order), together when they all succeed. */
    private void applyChunk(Job job, List<Integer> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (chunk.size() == 1) {
            applyAlone(job, chunk.get(0));
            return;
        }
        if (job.stopping().getAsBoolean()) {
            throw new JobInterruptedException(job.id(), chunk.get(0));
        }
        int[] at = {0};
        try {
            transaction.executeWithoutResult(s -> {
                List<JobRepository.ItemResult> results = new ArrayList<>(chunk.size());
                for (int k = 0; k < chunk.size(); k++) {
                    at[0] = k;
                    int index = chunk.get(k);
                    results.add(new JobRepository.ItemResult(
                            index,
                            job.handler()
                                    .apply(job.principal(), index, job.items().get(index))));
                }
                at[0] = COMMIT;
                repository.recordResults(job.id(), results, clock.instant());
            });
            return;
        } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
            // The database, not an item: leave the chunk undone and let the job be retried.
            throw e;
        } catch (RuntimeException e) {
            // Rolled back as a whole: apply it again so that the failing item fails alone.
            if (at[0] == COMMIT) {
                // Failed at recording or at commit (e.g. an item left the transaction rollback-only):
                // which item is unknown, so each goes alone.
                for (int index : chunk) {
                    applyAlone(job, index);
                }
                return;
            }
            int failed = at[0];
            applyChunk(job, chunk.subList(0, failed));
            applyAlone(job, chunk.get(failed));
            applyChunk(job, chunk.subList(failed + 1, chunk.size()));
        }
    }

    /** Applies one item in a transaction of its own; its failure is recorded in another. */
    private void applyAlone(Job job, int index) {
        if (job.stopping().getAsBoolean()) {
            throw new JobInterruptedException(job.id(), index);
        }
        JsonNode item = job.items().get(index);
        try {
            transaction.executeWithoutResult(s -> repository.recordResult(
                    job.id(), index, job.handler().apply(job.principal(), index, item), clock.instant()));
        } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
            // The database, not the item: leave the item undone and let the job be retried.
            throw e;
        } catch (RuntimeException e) {
            JobResult failure = failure(index, item, job.handler().action(), e);
            transaction.executeWithoutResult(s -> repository.recordResult(job.id(), index, failure, clock.instant()));
        }
    }

    private static JobResult failure(int index, JsonNode item, String action, RuntimeException e) {
        Long id = item.path("id").canConvertToLong() ? item.path("id").longValue() : null;
        if (!(e instanceof ApiException api)) {
            log.error("Job item {} failed unexpectedly", index, e);
            return JobResult.failed(index, id, action, "InternalError", "The item could not be applied");
        }
        ZendeskError body = api.body();
        if (body instanceof ZendeskError.Invalid invalid) {
            return JobResult.failed(
                    index,
                    id,
                    action,
                    invalid.error(),
                    invalid.details().values().stream()
                            .flatMap(List::stream)
                            .map(ZendeskError.Problem::description)
                            .collect(Collectors.joining("\n")));
        }
        if (body instanceof ZendeskError.Described described) {
            // RecordNotFound's body says only "Not found"; the exception names what was missing.
            return JobResult.failed(
                    index,
                    id,
                    action,
                    described.error(),
                    described.error().equals("RecordNotFound") ? api.getMessage() : described.description());
        }
        if (body instanceof ZendeskError.Errors errors) {
            return JobResult.failed(
                    index,
                    id,
                    action,
                    errors.errors().get(0).code(),
                    errors.errors().get(0).title());
        }
        if (body instanceof ZendeskError.Titled titled) {
            return JobResult.failed(
                    index, id, action, titled.error().title(), titled.error().message());
        }
        return JobResult.failed(index, id, action, api.status().name(), api.getMessage());
    }

    /** Thrown between two items when the instance stops: the job is picked up again later. */
    static final class JobInterruptedException extends RuntimeException {
        JobInterruptedException(String jobId, int nextIndex) {
            super("Job " + jobId + " paused before item " + nextIndex + ": this desk is stopping");
        }
    }
}
