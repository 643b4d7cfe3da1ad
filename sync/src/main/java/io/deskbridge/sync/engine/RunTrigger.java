package io.deskbridge.sync.engine;

import java.util.Locale;

/** Why a run was queued. */
public enum RunTrigger {
    MANUAL,
    SCHEDULE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
