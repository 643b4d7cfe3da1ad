package io.deskbridge.sync.engine;

import java.util.Locale;

/** Why a running run waits before its next request (shown by the API, the CLI and the console). */
public enum WaitReason {
    /** The incremental exports window (Zendesk: 10 per minute, 30 with the High Volume add-on) is spent. */
    EXPORT_WINDOW,
    /** The account's requests-per-minute window is spent (sync's share of it). */
    ACCOUNT_WINDOW,
    /** The account answered 429: every request to it waits for {@code Retry-After}. */
    RETRY_AFTER,
    /** An attempt failed (5xx, timeout, no answer): the backoff before the next attempt. */
    BACKOFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
