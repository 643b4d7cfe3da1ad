package io.deskbridge.sync.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How soon a token connection stops working, by its nearest deadline. */
public enum RiskLevel {
    /** A deadline has passed, or is at most 7 days away. */
    CRITICAL,
    /** At most 30 days. */
    HIGH,
    /** At most 90 days. */
    MEDIUM,
    /** Further away, or no deadline known. */
    LOW;

    static RiskLevel ofDaysLeft(Long days) {
        if (days == null) {
            return LOW;
        }
        return days <= 7 ? CRITICAL : days <= 30 ? HIGH : days <= 90 ? MEDIUM : LOW;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
