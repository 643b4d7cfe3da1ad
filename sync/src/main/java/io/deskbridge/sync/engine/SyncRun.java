package io.deskbridge.sync.engine;

import java.time.Instant;

/**
 * One run of one stream of one connection.
 *
 * @param records records received and stored by this run
 * @param requests HTTP requests made, including retried and rate-limited ones
 * @param rateLimited answers with status 429
 * @param waitedSeconds time spent waiting for the rate governor, Retry-After and backoff
 * @param recordsPerSecond records over the run's running time so far; null before it started
 * @param progress share (0..1) of the time from the stream's first record to now that the cursor has
 *     covered; null when unknown
 * @param etaSeconds estimated seconds left at the plan's export ceiling; null when unknown
 * @param cursorTime how far the stream's cursor has come; null before the first page
 * @param error why the run failed; null otherwise
 * @param waitReason why a running run waits before its next request; null when it does not wait
 * @param waitUntil until when it waits; null when it does not wait
 * @param retries failed attempts (5xx, timeouts, no answer) this run retried
 * @param lastRetryError the last retried attempt's error, in short; null before the first retry
 */
public record SyncRun(
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
        double waitedSeconds,
        Double recordsPerSecond,
        Double progress,
        Long etaSeconds,
        Instant cursorTime,
        String error,
        WaitReason waitReason,
        Instant waitUntil,
        long retries,
        String lastRetryError) {}
