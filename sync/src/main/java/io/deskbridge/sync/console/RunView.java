package io.deskbridge.sync.console;

import io.deskbridge.sync.engine.SyncRun;

/** A run as the console's tables show it. */
record RunView(
        long id,
        String stream,
        String trigger,
        String state,
        String queuedAt,
        String startedAt,
        String finishedAt,
        long records,
        long pages,
        long requests,
        long rateLimited,
        String waited,
        String progress,
        String error) {

    static RunView of(SyncRun run) {
        return new RunView(
                run.id(),
                run.stream().wireName(),
                run.trigger().wireName(),
                run.state().wireName(),
                Formats.time(run.queuedAt()),
                Formats.time(run.startedAt()),
                Formats.time(run.finishedAt()),
                run.records(),
                run.pages(),
                run.requests(),
                run.rateLimited(),
                Formats.seconds(run.waitedSeconds()),
                Formats.percent(run.progress()),
                run.error());
    }
}
