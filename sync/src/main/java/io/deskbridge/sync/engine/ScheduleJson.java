package io.deskbridge.sync.engine;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A connection's schedule as the REST API shows it. */
@Schema(name = "Schedule", description = "Every interval_minutes, all streams, unless paused.")
public record ScheduleJson(
        long connectionId,
        boolean enabled,
        @Schema(minimum = "1", maximum = "10080") int intervalMinutes,
        @Schema(nullable = true) Instant nextRunAt) {

    static ScheduleJson of(SyncSchedule s) {
        return new ScheduleJson(s.connectionId(), s.enabled(), s.intervalMinutes(), s.nextRunAt());
    }

    /** {@code {"schedule": {..}}}. */
    public record ScheduleBody(ScheduleJson schedule) {}

    /** {@code {"schedule": {"enabled": true, "interval_minutes": 15}}}. */
    public record ScheduleRequest(ScheduleChange schedule) {}

    /** @param intervalMinutes 1 to 10080; unchanged when absent */
    public record ScheduleChange(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Boolean enabled,

            @Schema(minimum = "1", maximum = "10080", description = "Unchanged when absent")
            Integer intervalMinutes) {}
}
