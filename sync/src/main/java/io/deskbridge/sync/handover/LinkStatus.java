package io.deskbridge.sync.handover;

import java.util.Locale;

/** Where a request link stands. Only {@link #OPEN} accepts credentials. */
public enum LinkStatus {
    OPEN,
    USED,
    EXPIRED,
    /** Replaced by a newer link for the same connection before it was used. */
    REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
