package io.deskbridge.desk.ticket;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Zendesk's ticket enums. Only these wire values are ever emitted: the Java client fails on any
 * other (see zendesk-wire.md).
 */
final class TicketEnums {

    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    static final List<String> TYPES = List.of("problem", "incident", "question", "task");

    private TicketEnums() {}

    /** Ordinal for {@code status<solved}-style comparisons. */
    static int statusRank(String status) {
        return STATUSES.indexOf(status);
    }

    static int priorityRank(String priority) {
        return PRIORITIES.indexOf(priority);
    }

    static Optional<String> normalize(List<String> allowed, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return allowed.contains(lower) ? Optional.of(lower) : Optional.empty();
    }
}
