package io.deskbridge.sync.migration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Zendesk's API token retirement dates, and day counts to them from an instant. */
final class Retirement {

    /** Zendesk issues no new API tokens from this day. */
    static final LocalDate NO_NEW_TOKENS_FROM = LocalDate.of(2026, 10, 27);

    /** Every Zendesk API token stops working on this day (00:00 UTC). */
    static final LocalDate TOKENS_STOP = LocalDate.of(2027, 4, 30);

    /** Tokens unused this long are deactivated (Zendesk; desk's default). */
    static final Duration IDLE_DEACTIVATION = Duration.ofDays(30);

    private Retirement() {}

    /** Whole days from {@code now}'s UTC date to {@code day}; 0 on the day, negative after it. */
    static long daysTo(LocalDate day, Instant now) {
        return ChronoUnit.DAYS.between(now.atZone(ZoneOffset.UTC).toLocalDate(), day);
    }

    /** Whole days from {@code now} to {@code at}, rounded down; negative once passed. */
    static long daysTo(Instant at, Instant now) {
        return Math.floorDiv(Duration.between(now, at).toSeconds(), 86_400);
    }

    static Instant cutoff() {
        return TOKENS_STOP.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
