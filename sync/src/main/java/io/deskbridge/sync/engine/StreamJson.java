package io.deskbridge.sync.engine;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A stream of a connection as the REST API and the CLI show it (fields as {@link StreamStatus} explains them). */
@Schema(name = "Stream")
public record StreamJson(
        @Schema(allowableValues = {"tickets", "users", "organizations", "ticket_comments"})
        String name,

        @Schema(allowableValues = {"idle", "queued", "running", "failed", "paused"})
        String state,

        @Schema(description = "Records stored for the stream, tombstones included")
        long records,

        @Schema(nullable = true) Instant cursorTime,

        @Schema(description = "Now minus the cursor time; null before the first page", nullable = true)
        Long lagSeconds,

        @Schema(nullable = true) RunJson lastRun,

        @Schema(description = "The newest run's error when it failed", nullable = true)
        String lastError,

        @Schema(description = "The last 60 minutes, oldest first, minutes without records left out")
        List<MinuteCountJson> recordsPerMinute) {

    static StreamJson of(StreamStatus s) {
        return new StreamJson(
                s.name().wireName(),
                s.state(),
                s.records(),
                s.cursorTime(),
                s.lagSeconds(),
                s.lastRun() == null ? null : RunJson.of(s.lastRun()),
                s.lastError(),
                s.recordsPerMinute().stream()
                        .map(c -> new MinuteCountJson(c.minute(), c.records()))
                        .toList());
    }

    /** Records stored in one clock minute. */
    @Schema(name = "MinuteCount")
    public record MinuteCountJson(Instant minute, long records) {}

    /** {@code {"streams": [..]}}. */
    public record StreamListBody(List<StreamJson> streams) {}

    /** {@code {"status": {"connections": [..]}}}. */
    public record StatusBody(StatusJson status) {}

    @Schema(name = "Status")
    public record StatusJson(List<ConnectionStatusJson> connections) {}

    /** A connection's sync status: paused or not, and its streams. */
    @Schema(name = "ConnectionStatus")
    public record ConnectionStatusJson(long id, String name, boolean paused, List<StreamJson> streams) {

        static ConnectionStatusJson of(ConnectionSyncStatus c) {
            return new ConnectionStatusJson(
                    c.id(),
                    c.name(),
                    c.paused(),
                    c.streams().stream().map(StreamJson::of).toList());
        }
    }
}
