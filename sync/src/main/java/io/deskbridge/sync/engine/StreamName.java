package io.deskbridge.sync.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The streams sync reads from a Zendesk account. */
public enum StreamName {
    /** Cursor-based ticket export, compared on {@code generated_timestamp}; deleted tickets are tombstones. */
    TICKETS,
    /** Cursor-based user export. */
    USERS,
    /** Time-based organization export. */
    ORGANIZATIONS,
    /** Comments, from the time-based ticket events export with {@code include=comment_events}. */
    TICKET_COMMENTS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StreamName> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
