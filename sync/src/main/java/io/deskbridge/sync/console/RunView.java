package io.deskbridge.sync.console;

import io.deskbridge.sync.engine.SyncRun;
import java.time.Instant;

/** A run as the console's tables show it. */
record RunView(
        long id,
        String stream,
        String trigger,
        String state,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        long records,
        long pages,
        long requests,
        long rateLimited,
        String waited,
        String progress,
        String error) {

    /** "1 record", "12 records". */
    public String recordsLabel() {
        return Formats.records(records);
    }

    static RunView of(SyncRun run) {
        return new RunView(
                run.id(),
                run.stream().wireName(),
                run.trigger().wireName(),
                run.state().wireName(),
                run.queuedAt(),
                run.startedAt(),
                run.finishedAt(),
                run.records(),
                run.pages(),
                run.requests(),
                run.rateLimited(),
                Formats.seconds(run.waitedSeconds()),
                Formats.percent(run.progress()),
                run.error());
    }
}
