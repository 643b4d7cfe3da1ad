package io.deskbridge.desk.webhook;

import java.util.Arrays;

/** What one attempt's response (or failure to get one) means. */
public enum AttemptOutcome {
    /** 2xx: acknowledged. */
    SUCCESS("success"),
    /** Worth trying again: 408, 409, 429, 5xx, timeout, connection or DNS failure. */
    RETRYABLE("retryable_failure"),
    /** Not worth trying again: any other status, or an endpoint desk refuses to call. */
    PERMANENT("permanent_failure");

    private final String wireName;

    AttemptOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static AttemptOutcome fromWireName(String value) {
        return Arrays.stream(values())
                .filter(o -> o.wireName.equals(value))
                .findFirst()
                .orElseThrow();
    }

    /** The outcome of an HTTP status. */
    static AttemptOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        if (status == 408 || status == 409 || status == 429 || status >= 500) {
            return RETRYABLE;
        }
        return PERMANENT;
    }
}
