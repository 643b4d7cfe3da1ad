package io.deskbridge.sync.engine;

import java.time.Instant;

/** A {@code sync_settings} row (defaults when a connection has none yet). */
record SettingsRow(
        long connectionId,
        boolean paused,
        boolean scheduleEnabled,
        int intervalMinutes,
        Instant nextScheduledAt,
        Instant lastHintAt) {

    static SettingsRow defaults(long connectionId) {
        return new SettingsRow(connectionId, false, false, 60, null, null);
    }
}
