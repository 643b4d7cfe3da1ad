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
 * Runs one job: each item not yet done, in order, in a transaction of its own that also records the
 * item's result. A job taken up again (after its instance died or stopped) skips the items whose
 * results are recorded, so every item is applied exactly once.
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

    JobRunner(
            JobRepository repository,
            List<JobHandler> handlers,
            Users users,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::jobType, Function.identity()));
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs the job's remaining items.
     *
     * @param stopping true when this instance is shutting down: the job stops between two items and is
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
        for (int index = 0; index < items.size(); index++) {
            if (done.contains(index)) {
                continue;
            }
            if (stopping.getAsBoolean()) {
                throw new JobInterruptedException(jobId, index);
            }
            int i = index;
            JsonNode item = items.get(index);
            try {
                transaction.executeWithoutResult(
                        s -> repository.recordResult(jobId, i, handler.apply(principal, i, item), clock.instant()));
            } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                // The database, not the item: leave the item undone and let the job be retried.
                throw e;
            } catch (RuntimeException e) {
                JobResult failure = failure(i, item, handler.action(), e);
                transaction.executeWithoutResult(s -> repository.recordResult(jobId, i, failure, clock.instant()));
            }
        }
        transaction.executeWithoutResult(s -> repository.markStatus(
                jobId, "completed", "Completed at " + MESSAGE_TIME.format(clock.instant()), clock.instant()));
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
