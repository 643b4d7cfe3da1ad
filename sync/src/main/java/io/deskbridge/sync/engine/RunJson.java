package io.deskbridge.sync.engine;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One run of one stream as the REST API and the CLI show it (fields as {@link SyncRun} explains them). */
@Schema(name = "Run", description = "One run of one stream of one connection.")
public record RunJson(
        long id,
        long connectionId,

        @Schema(allowableValues = {"tickets", "users", "organizations", "ticket_comments"})
        String stream,

        @Schema(allowableValues = {"manual", "schedule", "hint"})
        String trigger,

        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "paused"})
        String state,

        Instant queuedAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,

        @Schema(description = "Records received and stored by this run")
        long records,

        long pages,

        @Schema(description = "HTTP requests made, retried and rate-limited ones included")
        long requests,

        @Schema(description = "Answers with status 429") long rateLimited,

        @Schema(description = "Time spent waiting for the rate governor, Retry-After and backoff")
        double waitedSeconds,

        @Schema(nullable = true) Double recordsPerSecond,

        @Schema(
                description = "Share (0..1) of the stream's time range the cursor has covered; null when unknown",
                nullable = true)
        Double progress,

        @Schema(description = "Seconds left at the plan's export ceiling; null when unknown", nullable = true)
        Long etaSeconds,

        @Schema(description = "How far the stream's cursor has come", nullable = true)
        Instant cursorTime,

        @Schema(description = "Why the run failed", nullable = true)
        String error,

        @Schema(
                description = "Why the running run waits before its next request; null when it does not wait",
                allowableValues = {"export_window", "account_window", "retry_after", "backoff"},
                nullable = true)
        String waitReason,

        @Schema(description = "When the wait ends; null when the run does not wait", nullable = true)
        Instant waitUntil,

        @Schema(description = "Failed attempts (5xx, timeouts, no answer) this run retried")
        long retries,

        @Schema(description = "The last retried attempt's error, in short", nullable = true)
        String lastRetryError) {

    static RunJson of(SyncRun r) {
        return new RunJson(
                r.id(),
                r.connectionId(),
                r.stream().wireName(),
                r.trigger().wireName(),
                r.state().wireName(),
                r.queuedAt(),
                r.startedAt(),
                r.finishedAt(),
                r.records(),
                r.pages(),
                r.requests(),
                r.rateLimited(),
                r.waitedSeconds(),
                r.recordsPerSecond(),
                r.progress(),
                r.etaSeconds(),
                r.cursorTime(),
                r.error(),
                r.waitReason() == null ? null : r.waitReason().wireName(),
                r.waitUntil(),
                r.retries(),
                r.lastRetryError());
    }

    /** {@code {"run": {..}}}. */
    public record RunBody(RunJson run) {}

    /** {@code {"runs": [..]}}. */
    public record RunListBody(List<RunJson> runs) {}

    /** The sync request, all optional: {@code {"sync": {"streams": [..]}}}. */
    public record SyncRequest(SyncOptions sync) {}

    /** @param streams the streams to sync; all when absent */
    public record SyncOptions(
            @Schema(description = "tickets, users, organizations, ticket_comments; all when absent")
            List<String> streams) {}
}
