package io.deskbridge.desk.webhook;

import java.util.Arrays;

/** Where an invocation (one event for one webhook) stands. */
public enum InvocationState {
    /** Waiting for its next attempt, or being attempted right now. */
    PENDING("pending"),
    /** Acknowledged with a 2xx; never sent again. */
    SUCCESS("success"),
    /** Refused permanently, or out of attempts. */
    FAILED("failed"),
    /** Dropped because its webhook was deactivated before it could be delivered. */
    CANCELLED("cancelled");

    private final String wireName;

    InvocationState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static InvocationState fromWireName(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(value))
                .findFirst()
                .orElseThrow();
    }
}
