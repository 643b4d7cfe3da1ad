package io.deskbridge.sync.console;

import io.deskbridge.sync.engine.StreamStatus;
import java.time.Instant;

/** A stream as the connection page's table shows it. */
record StreamView(
        String name,
        String label,
        String state,
        long records,
        Instant cursorTime,
        String lag,
        String lastError,
        RunView lastRun,
        RecordsChart chart) {

    static StreamView of(StreamStatus status, Instant now) {
        return new StreamView(
                status.name().wireName(),
                Formats.label(status.name().wireName()),
                status.state(),
                status.records(),
                status.cursorTime(),
                Formats.duration(status.lagSeconds()),
                status.lastError(),
                status.lastRun() == null ? null : RunView.of(status.lastRun()),
                RecordsChart.of(status.recordsPerMinute(), now));
    }
}
