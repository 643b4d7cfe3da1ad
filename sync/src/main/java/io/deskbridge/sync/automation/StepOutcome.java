package io.deskbridge.sync.automation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one step of a ledger entry (the ticket write-back, the notification) ended. */
public enum StepOutcome {
    /** Not carried out yet. */
    PENDING,
    /** Carried out and confirmed. */
    SUCCEEDED,
    /** Found carried out by an earlier attempt that crashed before recording it. */
    RECOGNISED,
    /** Given up: the answer said it cannot work, or every retry failed. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean ended() {
        return this != PENDING;
    }
}
