package io.deskbridge.desk.ticket;

import java.util.Arrays;
import java.util.Optional;

/**
 * Zendesk's system reasons for a bad satisfaction rating (the "Reason codes" of its Satisfaction
 * Reasons API). Desk has no custom reasons, so a reason's id is its code: {@code reason_id} on a
 * rating is one of these codes.
 */
public enum SatisfactionReason {
    NONE(0, "No reason provided"),
    TOO_LONG(5, "The issue took too long to resolve"),
    NOT_RESOLVED(6, "The issue was not resolved"),
    KNOWLEDGE(7, "The agent's knowledge is unsatisfactory"),
    ATTITUDE(8, "The agent's attitude is unsatisfactory"),
    OTHER(100, "Some other reason");

    private final int code;
    private final String text;

    SatisfactionReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static Optional<SatisfactionReason> ofCode(long code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    static String textOf(int code) {
        return ofCode(code).map(SatisfactionReason::text).orElse(null);
    }
}
