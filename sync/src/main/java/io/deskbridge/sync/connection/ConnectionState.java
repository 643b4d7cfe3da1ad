package io.deskbridge.sync.connection;

import java.util.Locale;

/** Where a connection stands. */
public enum ConnectionState {
    /** Created; no credential received yet. */
    AWAITING_CREDENTIALS,
    /** A credential is stored (not yet diagnosed). */
    READY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
