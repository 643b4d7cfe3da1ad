package io.deskbridge.sync.engine;

import java.time.Instant;

/** A {@code sync_runs} row. */
record RunRow(
        long id,
        long connectionId,
        StreamName stream,
        RunTrigger trigger,
        RunState state,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        long records,
        long pages,
        long requests,
        long rateLimited,
        long waitedMillis,
        long activeMillis,
        Long startCursorTime,
        Long cursorTime,
        String error,
        WaitReason waitReason,
        Instant waitUntil,
        long retries,
        String lastRetryError) {}
