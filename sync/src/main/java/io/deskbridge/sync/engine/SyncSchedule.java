package io.deskbridge.sync.engine;

import java.time.Instant;

/** A connection's schedule: every {@code intervalMinutes}, all streams, unless paused. */
public record SyncSchedule(long connectionId, boolean enabled, int intervalMinutes, Instant nextRunAt) {}
