package io.deskbridge.sync.engine;

import java.util.Locale;

/** Where a run stands. */
public enum RunState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Stopped after a committed page because its connection was paused. */
    PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
