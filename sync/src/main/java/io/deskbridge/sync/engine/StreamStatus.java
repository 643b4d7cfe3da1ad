package io.deskbridge.sync.engine;

import java.time.Instant;
import java.util.List;

/**
 * A stream of a connection as the UI and the CLI show it.
 *
 * @param state idle, queued, running, failed or paused
 * @param records records stored for the stream (tombstones included)
 * @param lagSeconds how far behind Zendesk: now minus the cursor time, or minus the end of the last run
 *     that read the export to its end if that is later; null before the first page
 * @param lastRun the newest run, or null
 * @param lastError the newest run's error when it failed, else null
 * @param recordsPerMinute the last 60 minutes, oldest first, minutes without records left out
 */
public record StreamStatus(
        StreamName name,
        String state,
        long records,
        Instant cursorTime,
        Long lagSeconds,
        SyncRun lastRun,
        String lastError,
        List<MinuteCount> recordsPerMinute) {}
