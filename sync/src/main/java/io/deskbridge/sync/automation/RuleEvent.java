package io.deskbridge.sync.automation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a rule reacts to. */
public enum RuleEvent {
    /** A ticket sync had not stored before (created after the rule was switched on). */
    TICKET_CREATED("ticket.created"),
    /** A new version of a stored ticket: any change, including a comment-only update. */
    TICKET_UPDATED("ticket.updated"),
    /** A new version whose status changed to solved. */
    TICKET_SOLVED("ticket.solved"),
    /** A comment sync had not stored before. */
    COMMENT_ADDED("ticket.comment_added"),
    /** No change: checked on a schedule against every synced ticket ("pending for more than 48 hours"). */
    TIME("time");

    private final String wireName;

    RuleEvent(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<RuleEvent> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
