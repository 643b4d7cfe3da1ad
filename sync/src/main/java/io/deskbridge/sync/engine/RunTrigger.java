package io.deskbridge.sync.engine;

import java.util.Locale;

/** Why a run was queued. */
public enum RunTrigger {
    MANUAL,
    SCHEDULE,
    /** A signed webhook from the account said a ticket changed (see {@link SyncEngine#hint}). */
    HINT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
