package io.deskbridge.sync.engine;

import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.zendesk.CredentialRefreshFailedException;
import io.deskbridge.sync.zendesk.ZendeskCredentials;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the queued runs of one stream of one connection (db-scheduler guarantees that only one
 * instance does so at a time). Each page is fetched outside any transaction (the next one while the
 * current one commits); its rows, the stream's new position and the run's counters are then
 * committed in one transaction, so a crash at any moment resumes from the last committed page:
 * nothing lost, nothing stored twice.
 */
@Component
class StreamRunner {

    private static final Logger log = LoggerFactory.getLogger(StreamRunner.class);

    /** Fetches the next page while the current one commits (daemon threads, one per running stream). */
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sync-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    private final EngineRepository repository;
    private final StoreRepository store;
    private final Connections connections;
    private final ZendeskCredentials zendeskCredentials;
    private final ExportFetcher fetcher;
    private final StopSignal stop;
    private final EngineProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SyncMetrics metrics;
    private final List<SyncedChangeListener> listeners;
    private final JsonMapper json = JsonMapper.builder().build();

    StreamRunner(
            EngineRepository repository,
            StoreRepository store,
            Connections connections,
            ZendeskCredentials zendeskCredentials,
            ExportFetcher fetcher,
            StopSignal stop,
            EngineProperties properties,
            Clock clock,
            PlatformTransactionManager transactions,
            SyncMetrics metrics,
            List<SyncedChangeListener> listeners) {
        this.repository = repository;
        this.store = store;
        this.connections = connections;
        this.zendeskCredentials = zendeskCredentials;
        this.fetcher = fetcher;
        this.stop = stop;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.metrics = metrics;
        this.listeners = List.copyOf(listeners);
    }

    /** Runs the stream's queued (or interrupted) runs one after another until none is left. */
    void execute(long connectionId, StreamName stream) {
        while (true) {
            Optional<RunRow> run = repository.activeRun(connectionId, stream);
            if (run.isEmpty()) {
                return;
            }
            runOne(run.get());
        }
    }

    /**
     * A fetched answer, the page read from a 2xx one (on the fetching thread, so the next page is read
     * while the current one commits), and what fetching it cost.
     */
    private record Fetched(StreamPosition from, ZendeskResponse response, ExportPage page, PageCounters counters) {}

    private void runOne(RunRow run) {
        long connectionId = run.connectionId();
        StreamName stream = run.stream();
        String name = stream.wireName();
        ExportStream export = ExportStream.of(stream);
        StreamPosition start = repository.position(connectionId, stream);
        tx.executeWithoutResult(s -> repository.markRunning(run.id(), start.cursorTime(), clock.instant()));
        log.info(
                "{} of connection {}: run {} starts at cursor time {}",
                name,
                connectionId,
                run.id(),
                start.cursorTime());
        PageSizer sizer = new PageSizer(properties.pageSize());
        ExportFetcher.RunActivity activity = activity(run.id());
        PageCounters idle = new PageCounters();
        long pageStarted = System.nanoTime();
        CompletableFuture<Fetched> prefetch = null;
        try {
            Connection connection = connections.get(connectionId);
            if (repository.paused(connectionId)) {
                finish(run, RunState.PAUSED, null, idle, pageStarted);
                return;
            }
            Fetched fetched = fetch(name, connection, export, start, sizer, activity);
            while (true) {
                StreamPosition from = fetched.from();
                ZendeskResponse response = fetched.response();
                ExportPage page;
                if (!response.ok()) {
                    String problem = response.errorSummary();
                    String lower = problem.toLowerCase(Locale.ROOT);
                    if (export.usesCursor(from) && lower.contains("cursor")) {
                        // Decision: a rejected cursor re-anchors on the stream's cursor time; the
                        // records of that second come again and are upserted.
                        log.warn(
                                "{} of connection {}: the cursor was rejected ({}); continuing from start_time {}",
                                name,
                                connectionId,
                                problem,
                                from.cursorTime());
                        idle.requests += fetched.counters().requests;
                        idle.rateLimited += fetched.counters().rateLimited;
                        idle.waitedMillis += fetched.counters().waitedMillis;
                        fetched = fetch(
                                name,
                                connection,
                                export,
                                new StreamPosition(null, from.cursorTime(), from.originTime()),
                                sizer,
                                activity);
                        continue;
                    }
                    if (lower.contains("starttimetoorecent") || lower.contains("too recent")) {
                        // Nothing older than the export's freshness window is new: caught up.
                        page = new ExportPage(List.of(), from, true);
                    } else {
                        throw new SyncFailedException(name + ": " + problem + " for " + response.url());
                    }
                } else {
                    page = fetched.page();
                }
                // The next page travels over HTTP while this one is committed.
                if (!page.endOfStream()) {
                    StreamPosition next = page.next();
                    prefetch = CompletableFuture.supplyAsync(
                            () -> fetch(name, connection, export, next, sizer, activity), PREFETCH);
                }
                // The commit's own time is counted with the next page (or the run's end).
                pageStarted = commit(run, page, fetched.counters(), idle, pageStarted);
                if (page.endOfStream()) {
                    finish(run, RunState.SUCCEEDED, null, idle, pageStarted);
                    log.info("{} of connection {}: run {} caught up", name, connectionId, run.id());
                    return;
                }
                if (stop.stopping()) {
                    throw new EngineStoppingException();
                }
                if (repository.paused(connectionId)) {
                    // The page fetched meanwhile is dropped: the position stays at the committed one.
                    finish(run, RunState.PAUSED, null, idle, pageStarted);
                    log.info("{} of connection {}: run {} paused", name, connectionId, run.id());
                    return;
                }
                fetched = join(prefetch);
                prefetch = null;
            }
        } catch (SyncFailedException e) {
            log.warn("{} of connection {}: run {} failed: {}", name, connectionId, run.id(), e.getMessage());
            finish(run, RunState.FAILED, e.getMessage(), idle, pageStarted);
        } catch (EngineStoppingException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("{} of connection {}: run {} failed unexpectedly", name, connectionId, run.id(), e);
            finish(
                    run,
                    RunState.FAILED,
                    name + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    idle,
                    pageStarted);
        } finally {
            if (prefetch != null) {
                prefetch.cancel(false);
            }
        }
    }

    private Fetched fetch(
            String name,
            Connection connection,
            ExportStream export,
            StreamPosition from,
            PageSizer sizer,
            ExportFetcher.RunActivity activity) {
        PageCounters counters = new PageCounters();
        int[] size = new int[1];
        ExportFetcher.Answer<ExportPage> answer = fetcher.fetch(
                name,
                connection.address(),
                credentials,
                connection.id(),
                pageSize -> {
                    size[0] = pageSize;
                    return export.path(from, pageSize);
                },
                sizer,
                counters,
                activity,
                body -> export.parse(body, from, size[0]));
        return new Fetched(from, answer.response(), answer.page(), counters);
    }

    private static Fetched join(CompletableFuture<Fetched> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The page's rows, the stream's new position and the run's counters: one transaction. */
    private long commit(RunRow run, ExportPage page, PageCounters fetchCounters, PageCounters idle, long since) {
        long until = System.nanoTime();
        long active = (until - since) / 1_000_000;
        PageCounters counters = new PageCounters();
        counters.requests = fetchCounters.requests + idle.requests;
        counters.rateLimited = fetchCounters.rateLimited + idle.rateLimited;
        counters.waitedMillis = fetchCounters.waitedMillis + idle.waitedMillis;
        // Two streams of one connection commit side by side and both write the automation ledger
        // (the tickets stream its decisions, the comments stream the echoes of its notes): the
        // database may pick one of them as a deadlock victim and roll its whole transaction back.
        // Nothing of the page is then stored, so the page is committed again, up to three times.
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> {
                    Instant now = clock.instant();
                    Runnable tell = changes(run.connectionId(), run.stream(), page.records());
                    store.upsert(run.connectionId(), run.stream(), page.records(), now);
                    tell.run();
                    repository.savePosition(run.connectionId(), run.stream(), page.next(), now);
                    repository.addPage(
                            run.id(),
                            page.records().size(),
                            counters,
                            active,
                            page.next().cursorTime());
                    repository.addRecordsPerMinute(
                            run.connectionId(),
                            run.stream(),
                            now,
                            page.records().size());
                });
                break;
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
                log.info(
                        "{} of connection {}: the page's transaction was chosen as a deadlock victim and rolled"
                                + " back; committing it again (attempt {} of 3)",
                        run.stream().wireName(),
                        run.connectionId(),
                        attempt + 1);
            }
        }
        metrics.committed(run.stream(), page.records().size());
        idle.reset();
        return until;
    }

    /**
     * Reads what the page's records replace (before the upsert) and returns what tells the watching
     * listeners about the changes (after it), all inside the page's transaction.
     */
    private Runnable changes(long connectionId, StreamName stream, List<StreamRecord> records) {
        if (records.isEmpty()
                || (stream != StreamName.TICKETS && stream != StreamName.TICKET_COMMENTS)
                || listeners.stream().noneMatch(l -> l.watches(connectionId))) {
            return () -> {};
        }
        Map<Long, StreamRecord> newest = new LinkedHashMap<>();
        for (StreamRecord r : records) {
            newest.merge(r.id(), r, (a, b) -> b.version() >= a.version() ? b : a);
        }
        Map<Long, String> stored = store.stored(connectionId, stream, new ArrayList<>(newest.keySet()));
        if (stream == StreamName.TICKET_COMMENTS) {
            List<CommentAdded> added = newest.values().stream()
                    .filter(r -> !stored.containsKey(r.id()))
                    .map(r -> new CommentAdded(
                            r.ticketId(), r.id(), r.version(), r.record().tree()))
                    .toList();
            return () -> listeners.stream()
                    .filter(l -> l.watches(connectionId))
                    .forEach(l -> l.commentsAdded(connectionId, added));
        }
        List<TicketVersion> versions = new ArrayList<>();
        for (StreamRecord r : newest.values()) {
            String before = stored.get(r.id());
            JsonNode beforeJson = before == null ? null : json.readTree(before);
            if (beforeJson != null && beforeJson.path("generated_timestamp").asLong(Long.MIN_VALUE) >= r.version()) {
                // A page served again after a crash, or an older version: not a change.
                continue;
            }
            versions.add(new TicketVersion(
                    r.id(), r.version(), beforeJson, r.record().tree()));
        }
        return () -> listeners.stream()
                .filter(l -> l.watches(connectionId))
                .forEach(l -> l.ticketsChanged(connectionId, versions));
    }

    /**
     * Writes the run's waits and retries to its row as they happen (single statements, outside the
     * page's transaction), so every instance's API shows what the run is doing between pages.
     */
    private ExportFetcher.RunActivity activity(long runId) {
        return new ExportFetcher.RunActivity() {
            @Override
            public void waiting(WaitReason reason, Instant until) {
                repository.setWait(runId, reason, until);
            }

            @Override
            public void retrying(String error) {
                repository.addRetry(runId, error);
            }

            @Override
            public void resumed() {
                repository.setWait(runId, null, null);
            }
        };
    }

    /** The credential for each request: OAuth tokens are refreshed before they expire or after a refusal. */
    private final ExportFetcher.Credentials credentials = new ExportFetcher.Credentials() {
        @Override
        public Credential current(long connectionId) {
            return usable(connectionId, false);
        }

        @Override
        public Credential afterRefusal(long connectionId) {
            return usable(connectionId, true);
        }
    };

    private Credential usable(long connectionId, boolean refused) {
        Optional<Credential> credential;
        try {
            credential =
                    refused ? zendeskCredentials.afterRefusal(connectionId) : zendeskCredentials.current(connectionId);
        } catch (CredentialRefreshFailedException e) {
            throw new SyncFailedException(e.getMessage());
        }
        return credential.orElseThrow(() -> new SyncFailedException("Connection " + connectionId
                + " has no credentials; send them through a credential request link first"));
    }

    private void finish(RunRow run, RunState state, String error, PageCounters counters, long since) {
        long active = (System.nanoTime() - since) / 1_000_000;
        tx.executeWithoutResult(s -> repository.finishRun(run.id(), state, error, counters, active, clock.instant()));
    }
}
