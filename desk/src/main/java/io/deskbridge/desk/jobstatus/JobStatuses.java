package io.deskbridge.desk.jobstatus;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.deskbridge.desk.api.JsonText;
import io.deskbridge.desk.user.DeskPrincipal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Bulk jobs: queued by the {@code *_many} and import calls, run by db-scheduler on whichever desk
 * instance picks them (see package-info), read through {@code /api/v2/job_statuses}.
 */
@Service
public class JobStatuses {

    /** Zendesk's batch limit: items per bulk call. */
    public static final int MAX_ITEMS = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JobRepository repository;
    private final Scheduler scheduler;
    private final Map<String, JobHandler> handlers;
    private final JobProperties properties;
    private final Clock clock;

    JobStatuses(
            JobRepository repository,
            Scheduler deskJobScheduler,
            List<JobHandler> handlers,
            JobProperties properties,
            Clock clock) {
        this.repository = repository;
        this.scheduler = deskJobScheduler;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::jobType, Function.identity()));
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a job of {@code items} (at most {@link #MAX_ITEMS}; the caller names them {@code what} in
     * the error) for {@code caller}: answered {@code queued} at once, run after this transaction commits.
     *
     * @throws TooManyItemsException for no items or more than {@link #MAX_ITEMS}
     * @throws TooManyJobsException when the account has {@code desk.jobs.max-queued} unfinished jobs
     */
    @Transactional
    public JobStatus enqueue(DeskPrincipal caller, String jobType, String what, List<JsonNode> items) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new TooManyItemsException(what, items.size());
        }
        if (!handlers.containsKey(jobType)) {
            throw new IllegalArgumentException("No JobHandler for job type " + jobType);
        }
        Instant now = clock.instant();
        repository.deleteFinishedBefore(now.minus(properties.retention()));
        if (repository.countUnfinished() >= properties.maxQueued()) {
            throw new TooManyJobsException(properties.maxQueued());
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        repository.insert(id, jobType, items.size(), caller.userId(), JsonText.write(items), now);
        // Due now in db-scheduler's time base, the system clock (never the application's testable clock:
        // a clock moved forward would make the job wait until the system clock catches up).
        scheduler.schedule(new TaskInstance<Void>(JobScheduling.TASK, id), Instant.now(Clock.systemUTC()));
        // db-scheduler's immediate check runs inside this transaction, before the task is visible:
        // look again once it is committed instead of at the next poll.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<JobStatus> find(String id) {
        return repository.find(id);
    }

    /** The jobs with these ids in that order; unknown (or expired) ids are left out. */
    @Transactional(readOnly = true)
    public List<JobStatus> findAll(Collection<String> ids) {
        return repository.findAll(ids);
    }

    /** The jobs of the last {@code desk.jobs.retention}, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<JobStatus> recent(int limit) {
        return repository.findAll(repository.recentIds(clock.instant().minus(properties.retention()), limit));
    }
}
