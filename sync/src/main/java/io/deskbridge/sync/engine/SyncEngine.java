package io.deskbridge.sync.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.connection.Connections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sync engine's public face: queue runs, pause and resume a connection, set its schedule, and
 * read runs, stream states and synced tickets. Runs themselves execute on db-scheduler's threads
 * (on whichever sync instance picks them).
 */
@Service
public class SyncEngine {

    /** Zendesk's standard incremental export budget, for ETAs before an answer said otherwise. */
    static final long DEFAULT_EXPORTS_PER_MINUTE = 10;

    /** Changes younger than this are not exported yet (Zendesk's freshness window). */
    static final long EXPORT_FRESHNESS_SECONDS = 60;

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    /**
     * Wakes db-scheduler when a hint task falls due instead of at its next poll ({@code
     * sync.engine.polling-interval}, 5 s, would add up to that much to a hint's latency).
     */
    private static final ScheduledExecutorService HINT_WAKE_UP =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sync-hint-wake-up");
                thread.setDaemon(true);
                return thread;
            });

    /** The streams a webhook hint runs: those automation rules react to. */
    static final Set<StreamName> HINTED = EnumSet.of(StreamName.TICKETS, StreamName.TICKET_COMMENTS);

    private final EngineRepository repository;
    private final StoreRepository store;
    private final Connections connections;
    private final Scheduler scheduler;
    private final RateGovernor governor;
    private final EngineProperties properties;
    private final Clock clock;

    SyncEngine(
            EngineRepository repository,
            StoreRepository store,
            Connections connections,
            Scheduler syncScheduler,
            RateGovernor governor,
            EngineProperties properties,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.connections = connections;
        this.scheduler = syncScheduler;
        this.governor = governor;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a manual run of each stream (all when {@code streams} is empty); a stream that is
     * already queued or running is not queued twice: its run is returned instead.
     *
     * @throws RecordInvalidException when the connection has no credentials or is paused
     */
    @Transactional
    public List<SyncRun> requestSync(long connectionId, Collection<StreamName> streams) {
        Connection connection = connections.get(connectionId);
        if (connection.state() != ConnectionState.READY) {
            throw new RecordInvalidException(
                    "connection",
                    "NoCredentials",
                    "Connection " + connectionId + " has no credentials yet; send them through a credential"
                            + " request link first");
        }
        Instant now = clock.instant();
        SettingsRow settings = repository.lockSettings(connectionId, now);
        if (settings.paused()) {
            throw new RecordInvalidException(
                    "connection",
                    "Paused",
                    "Connection " + connectionId + " is paused; resume it (POST /api/connections/" + connectionId
                            + "/resume) before starting a sync");
        }
        return queue(
                connectionId, streams.isEmpty() ? EnumSet.allOf(StreamName.class) : streams, RunTrigger.MANUAL, now);
    }

    /** Queues a scheduled run of the streams unless the connection is paused; moves its next run on. */
    @Transactional
    void queueScheduled(long connectionId, Collection<StreamName> streams) {
        Instant now = clock.instant();
        SettingsRow settings = repository.lockSettings(connectionId, now);
        if (settings.paused() || !settings.scheduleEnabled()) {
            return;
        }
        repository.setSchedule(
                connectionId,
                true,
                settings.intervalMinutes(),
                now.plus(Duration.ofMinutes(settings.intervalMinutes())),
                now);
        if (connections.get(connectionId).state() == ConnectionState.READY) {
            queue(connectionId, streams, RunTrigger.SCHEDULE, now);
        }
    }

    /**
     * A signed webhook from the account said a ticket changed (the hint carries nothing sync trusts
     * beyond that): the ticket and comment streams run once the change can be exported, {@code
     * sync.engine.export-freshness} plus 1 s from now, instead of at the next schedule. Bursts
     * coalesce: one pending hint task per connection, which, when due, queues a run of each stream
     * unless one is queued already (a running run gets one queued behind it), and comes again when
     * hints arrived after it was planned. The export stays the source of truth.
     *
     * @return when the hinted runs will be queued
     * @throws io.deskbridge.sync.connection.ConnectionNotFoundException when there is no such connection
     */
    @Transactional
    public Instant hint(long connectionId) {
        connections.get(connectionId);
        Instant now = clock.instant();
        repository.lockSettings(connectionId, now);
        repository.setLastHint(connectionId, now);
        Instant due = now.plus(hintDelay());
        if (scheduler.scheduleIfNotExists(EngineConfiguration.hintInstance(connectionId), due)) {
            wakeUpAt(due);
        }
        return due;
    }

    /**
     * The hint task's turn: queues the hinted streams' runs (unless the connection is paused or has no
     * credentials) and says when to come again, if a hint arrived too recently for these runs to read
     * its change.
     */
    @Transactional
    Optional<Instant> hintDue(long connectionId) {
        Instant now = clock.instant();
        SettingsRow settings = repository.lockSettings(connectionId, now);
        if (!settings.paused() && connections.get(connectionId).state() == ConnectionState.READY) {
            for (StreamName stream : HINTED) {
                if (repository.queuedRun(connectionId, stream).isEmpty()) {
                    // Queued behind a running run when there is one: that run may have read past the change.
                    repository.insertRun(connectionId, stream, RunTrigger.HINT, now);
                    scheduler.scheduleIfNotExists(EngineConfiguration.instance(connectionId, stream), now);
                    checkForDueRunsAfterCommit();
                }
            }
        }
        repository.setHintRunsQueued(connectionId, now);
        Instant newest =
                settings.lastHintAt() == null ? now : settings.lastHintAt().plus(hintDelay());
        if (!newest.isAfter(now)) {
            return Optional.empty();
        }
        wakeUpAt(newest);
        return Optional.of(newest);
    }

    /**
     * Plans the hint task again for connections whose newest hint came after their hint task last
     * queued runs (in the moment between that task's commit and its removal) and is due by now.
     */
    void requeueMissedHints() {
        Instant now = clock.instant();
        for (long connectionId : repository.missedHints(now.minus(hintDelay()).minusSeconds(1))) {
            scheduler.scheduleIfNotExists(EngineConfiguration.hintInstance(connectionId), now);
        }
    }

    private void wakeUpAt(Instant due) {
        long millis = Math.max(0, Duration.between(clock.instant(), due).toMillis()) + 20;
        HINT_WAKE_UP.schedule(scheduler::triggerCheckForDueExecutions, millis, TimeUnit.MILLISECONDS);
    }

    Duration hintDelay() {
        return properties.exportFreshness().plusSeconds(1);
    }

    /** Puts a queued run's task (back) into db-scheduler's table. */
    @Transactional
    void requeue(long connectionId, StreamName stream) {
        scheduler.scheduleIfNotExists(EngineConfiguration.instance(connectionId, stream), clock.instant());
    }

    private List<SyncRun> queue(long connectionId, Collection<StreamName> streams, RunTrigger trigger, Instant now) {
        List<SyncRun> runs = new ArrayList<>();
        for (StreamName stream : EnumSet.copyOf(streams)) {
            Optional<RunRow> active = repository.activeRun(connectionId, stream);
            long id;
            if (active.isPresent()) {
                id = active.get().id();
            } else {
                id = repository.insertRun(connectionId, stream, trigger, now);
                // When the task still exists (its last run is just finishing), housekeeping re-queues.
                scheduler.scheduleIfNotExists(EngineConfiguration.instance(connectionId, stream), now);
                checkForDueRunsAfterCommit();
            }
            runs.add(toRun(repository.run(id).orElseThrow(), now));
        }
        return runs;
    }

    /**
     * db-scheduler's immediate check runs when a task is scheduled, which is inside this transaction
     * and so before the task is visible: check again once it is committed, instead of at the next poll.
     */
    private void checkForDueRunsAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        }
    }

    /** @throws SyncRunNotFoundException when there is no such run */
    @Transactional(readOnly = true)
    public SyncRun run(long runId) {
        return toRun(repository.run(runId).orElseThrow(() -> SyncRunNotFoundException.forId(runId)), clock.instant());
    }

    /** The connection's newest 100 runs, newest first. */
    @Transactional(readOnly = true)
    public List<SyncRun> runs(long connectionId) {
        connections.get(connectionId);
        Instant now = clock.instant();
        return repository.runs(connectionId, 100).stream()
                .map(r -> toRun(r, now))
                .toList();
    }

    /** Every stream of the connection. */
    @Transactional(readOnly = true)
    public List<StreamStatus> streams(long connectionId) {
        connections.get(connectionId);
        return streamStatuses(connectionId, clock.instant());
    }

    /** Pauses: schedules skip the connection and running streams stop after their current page. */
    @Transactional
    public boolean pause(long connectionId) {
        connections.get(connectionId);
        Instant now = clock.instant();
        repository.lockSettings(connectionId, now);
        repository.setPaused(connectionId, true, now);
        return true;
    }

    /** Resumes, and queues again the streams whose last run was paused. */
    @Transactional
    public boolean resume(long connectionId) {
        connections.get(connectionId);
        Instant now = clock.instant();
        repository.lockSettings(connectionId, now);
        repository.setPaused(connectionId, false, now);
        List<StreamName> paused = new ArrayList<>();
        for (StreamName stream : StreamName.values()) {
            repository
                    .lastRun(connectionId, stream)
                    .filter(r -> r.state() == RunState.PAUSED)
                    .ifPresent(r -> paused.add(stream));
        }
        if (!paused.isEmpty()) {
            queue(connectionId, paused, RunTrigger.MANUAL, now);
        }
        return false;
    }

    @Transactional(readOnly = true)
    public boolean paused(long connectionId) {
        connections.get(connectionId);
        return repository.paused(connectionId);
    }

    @Transactional(readOnly = true)
    public SyncSchedule schedule(long connectionId) {
        connections.get(connectionId);
        SettingsRow s = repository.settings(connectionId);
        return new SyncSchedule(
                connectionId,
                s.scheduleEnabled(),
                s.intervalMinutes(),
                s.scheduleEnabled() ? s.nextScheduledAt() : null);
    }

    /**
     * Sets the schedule: every {@code intervalMinutes} (1 to 10080), the first run one interval from now.
     *
     * @throws RecordInvalidException when the interval is out of range
     */
    @Transactional
    public SyncSchedule setSchedule(long connectionId, boolean enabled, Integer intervalMinutes) {
        connections.get(connectionId);
        Instant now = clock.instant();
        SettingsRow current = repository.lockSettings(connectionId, now);
        int interval = intervalMinutes == null ? current.intervalMinutes() : intervalMinutes;
        if (interval < 1 || interval > MAX_INTERVAL_MINUTES) {
            throw new RecordInvalidException(
                    "interval_minutes",
                    "InvalidValue",
                    "Interval minutes: must be from 1 to " + MAX_INTERVAL_MINUTES + "; it is " + interval);
        }
        Instant next = enabled ? now.plus(Duration.ofMinutes(interval)) : null;
        repository.setSchedule(connectionId, enabled, interval, next, now);
        return new SyncSchedule(connectionId, enabled, interval, next);
    }

    /**
     * Synced tickets in id order, filtered by {@code query} (a ticket id, or text in the subject).
     *
     * @param pageSize 1 to 100, default 25
     * @param after the previous page's {@code afterCursor}, or null
     * @throws RecordInvalidException on a bad page size or cursor
     */
    @Transactional(readOnly = true)
    public SyncedTicketsPage tickets(long connectionId, String query, Integer pageSize, String after) {
        connections.get(connectionId);
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new RecordInvalidException(
                    "page[size]", "InvalidValue", "page[size] must be from 1 to " + MAX_PAGE_SIZE + "; it is " + size);
        }
        long afterId = 0;
        if (after != null && !after.isBlank()) {
            afterId = StoreRepository.decodeAfter(after.strip())
                    .orElseThrow(() -> new RecordInvalidException(
                            "page[after]", "InvalidValue", "page[after] is not a cursor this list handed out"));
        }
        List<SyncedTicket> rows = store.tickets(connectionId, query, afterId, size + 1);
        boolean more = rows.size() > size;
        List<SyncedTicket> page = more ? rows.subList(0, size) : rows;
        String cursor =
                more ? StoreRepository.encodeAfter(page.get(page.size() - 1).id()) : null;
        return new SyncedTicketsPage(List.copyOf(page), more, cursor, store.countTickets(connectionId, query));
    }

    /** Every connection with its streams. */
    @Transactional(readOnly = true)
    public List<ConnectionSyncStatus> status() {
        Instant now = clock.instant();
        return connections.list().stream()
                .map(c -> new ConnectionSyncStatus(
                        c.id(), c.name(), repository.paused(c.id()), streamStatuses(c.id(), now)))
                .toList();
    }

    private List<StreamStatus> streamStatuses(long connectionId, Instant now) {
        boolean paused = repository.paused(connectionId);
        List<StreamStatus> statuses = new ArrayList<>();
        Instant since = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(59));
        for (StreamName stream : StreamName.values()) {
            StreamPosition position = repository.position(connectionId, stream);
            Optional<RunRow> last = repository.lastRun(connectionId, stream);
            Optional<RunRow> active = repository.activeRun(connectionId, stream);
            String state;
            if (active.isPresent()) {
                state = active.get().state().wireName();
            } else if (paused || last.map(r -> r.state() == RunState.PAUSED).orElse(false)) {
                state = "paused";
            } else if (last.map(r -> r.state() == RunState.FAILED).orElse(false)) {
                state = "failed";
            } else {
                state = "idle";
            }
            Instant cursorTime = position.cursorTime() == null ? null : Instant.ofEpochSecond(position.cursorTime());
            SyncRun lastRun = last.map(r -> toRun(r, position, now)).orElse(null);
            Long lag = cursorTime == null
                    ? null
                    : Math.max(0, Duration.between(cursorTime, now).toSeconds());
            // A stream whose last run read the export to its end is current as of that run's end, even
            // when nothing changed in Zendesk since its cursor time (whose age alone would grow forever).
            Optional<Instant> caughtUpAt = last.filter(r -> r.state() == RunState.SUCCEEDED && r.finishedAt() != null)
                    .map(RunRow::finishedAt);
            if (lag != null && caughtUpAt.isPresent()) {
                lag = Math.min(
                        lag, Math.max(0, Duration.between(caughtUpAt.get(), now).toSeconds()));
            }
            statuses.add(new StreamStatus(
                    stream,
                    state,
                    store.count(connectionId, stream),
                    cursorTime,
                    lag,
                    lastRun,
                    lastRun != null && lastRun.state() == RunState.FAILED ? lastRun.error() : null,
                    repository.recordsPerMinute(connectionId, stream, since)));
        }
        return statuses;
    }

    private SyncRun toRun(RunRow r, Instant now) {
        return toRun(r, repository.position(r.connectionId(), r.stream()), now);
    }

    private SyncRun toRun(RunRow r, StreamPosition position, Instant now) {
        Double perSecond = r.startedAt() == null
                ? null
                : r.activeMillis() <= 0 ? 0.0 : Math.round(r.records() * 10_000.0 / r.activeMillis()) / 10.0;
        Double progress = progress(r, position, now);
        return new SyncRun(
                r.id(),
                r.connectionId(),
                r.stream(),
                r.trigger(),
                r.state(),
                r.queuedAt(),
                r.startedAt(),
                r.finishedAt(),
                r.records(),
                r.pages(),
                r.requests(),
                r.rateLimited(),
                r.waitedMillis() / 1000.0,
                perSecond,
                progress,
                eta(r, progress, now),
                r.cursorTime() == null ? null : Instant.ofEpochSecond(r.cursorTime()),
                r.error(),
                // A wait is only current while the run runs (its row keeps none after it, but a crashed
                // instance may have left one on a run another instance has not revived yet).
                r.state() == RunState.RUNNING ? r.waitReason() : null,
                r.state() == RunState.RUNNING ? r.waitUntil() : null,
                r.retries(),
                r.lastRetryError());
    }

    /** The share of the time from the stream's first record to what may be exported now that is covered. */
    private static Double progress(RunRow r, StreamPosition position, Instant now) {
        if (r.state() == RunState.SUCCEEDED) {
            return 1.0;
        }
        Long cursor = r.cursorTime() != null ? r.cursorTime() : r.startCursorTime();
        if (cursor == null || position.originTime() == null) {
            return null;
        }
        long origin = position.originTime();
        long target = now.getEpochSecond() - EXPORT_FRESHNESS_SECONDS;
        if (target <= origin) {
            return 1.0;
        }
        double share = (double) (cursor - origin) / (target - origin);
        return Math.round(Math.max(0, Math.min(1, share)) * 1000) / 1000.0;
    }

    /**
     * Seconds left at the plan's export ceiling: the records still to come (extrapolated from this
     * run's records per covered second) in pages, at the export requests per minute sync may use.
     */
    private Long eta(RunRow r, Double progress, Instant now) {
        if (r.state() == RunState.SUCCEEDED) {
            return 0L;
        }
        if (!r.state().active() || progress == null || r.cursorTime() == null || r.startCursorTime() == null) {
            return null;
        }
        long covered = r.cursorTime() - r.startCursorTime();
        if (covered <= 0 || r.records() == 0) {
            return null;
        }
        long remaining = Math.max(0, now.getEpochSecond() - EXPORT_FRESHNESS_SECONDS - r.cursorTime());
        double records = (double) r.records() * remaining / covered;
        double pages = Math.ceil(records / properties.pageSize());
        long limit = governor.exportLimit(
                connections.get(r.connectionId()).address().baseUrl().toString());
        double perMinute = Math.max(1, Math.floor((limit > 0 ? limit : DEFAULT_EXPORTS_PER_MINUTE) * governor.share()));
        return Math.round(pages / perMinute * 60);
    }
}
