package io.deskbridge.sync.engine;

import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the queued runs of one stream of one connection (db-scheduler guarantees that only one
 * instance does so at a time). Each page is fetched outside any transaction; its rows, the stream's
 * new position and the run's counters are then committed in one transaction, so a crash at any
 * moment resumes from the last committed page: nothing lost, nothing stored twice.
 */
@Component
class StreamRunner {

    private static final Logger log = LoggerFactory.getLogger(StreamRunner.class);

    private final EngineRepository repository;
    private final StoreRepository store;
    private final Connections connections;
    private final ExportFetcher fetcher;
    private final StopSignal stop;
    private final EngineProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    StreamRunner(
            EngineRepository repository,
            StoreRepository store,
            Connections connections,
            ExportFetcher fetcher,
            StopSignal stop,
            EngineProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.store = store;
        this.connections = connections;
        this.fetcher = fetcher;
        this.stop = stop;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
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
        PageCounters counters = new PageCounters();
        long pageStarted = System.nanoTime();
        try {
            Connection connection = connections.get(connectionId);
            StreamPosition position = start;
            while (true) {
                if (stop.stopping()) {
                    throw new EngineStoppingException();
                }
                if (repository.paused(connectionId)) {
                    finish(run, RunState.PAUSED, null, counters, pageStarted);
                    log.info("{} of connection {}: run {} paused", name, connectionId, run.id());
                    return;
                }
                StreamPosition from = position;
                int[] size = new int[1];
                ZendeskResponse response = fetcher.fetch(
                        name,
                        connection.address(),
                        this::credential,
                        connectionId,
                        pageSize -> {
                            size[0] = pageSize;
                            return export.path(from, pageSize);
                        },
                        sizer,
                        counters);
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
                        position = new StreamPosition(null, from.cursorTime(), from.originTime());
                        continue;
                    }
                    if (lower.contains("starttimetoorecent") || lower.contains("too recent")) {
                        // Nothing older than the export's freshness window is new: caught up.
                        page = new ExportPage(List.of(), from, true);
                    } else {
                        throw new SyncFailedException(name + ": " + problem + " for " + response.url());
                    }
                } else {
                    page = export.parse(response.body(), from, size[0]);
                }
                long active = (System.nanoTime() - pageStarted) / 1_000_000;
                ExportPage committed = page;
                tx.executeWithoutResult(s -> {
                    store.upsert(connectionId, stream, committed.records(), clock.instant());
                    repository.savePosition(connectionId, stream, committed.next(), clock.instant());
                    repository.addPage(
                            run.id(),
                            committed.records().size(),
                            counters,
                            active,
                            committed.next().cursorTime());
                    repository.addRecordsPerMinute(
                            connectionId,
                            stream,
                            clock.instant(),
                            committed.records().size());
                });
                counters.reset();
                pageStarted = System.nanoTime();
                position = page.next();
                if (page.endOfStream()) {
                    finish(run, RunState.SUCCEEDED, null, counters, pageStarted);
                    log.info("{} of connection {}: run {} caught up", name, connectionId, run.id());
                    return;
                }
            }
        } catch (SyncFailedException e) {
            log.warn("{} of connection {}: run {} failed: {}", name, connectionId, run.id(), e.getMessage());
            finish(run, RunState.FAILED, e.getMessage(), counters, pageStarted);
        } catch (EngineStoppingException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("{} of connection {}: run {} failed unexpectedly", name, connectionId, run.id(), e);
            finish(
                    run,
                    RunState.FAILED,
                    name + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    counters,
                    pageStarted);
        }
    }

    private Credential credential(long connectionId) {
        return connections
                .credential(connectionId)
                .orElseThrow(() -> new SyncFailedException("Connection " + connectionId
                        + " has no credentials; send them through a credential request link first"));
    }

    private void finish(RunRow run, RunState state, String error, PageCounters counters, long since) {
        long active = (System.nanoTime() - since) / 1_000_000;
        tx.executeWithoutResult(s -> repository.finishRun(run.id(), state, error, counters, active, clock.instant()));
    }
}
