package io.deskbridge.common.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one time format of desk's and sync's pages: relative words ({@code 5 minutes ago}) as the text,
 * the exact UTC time ({@code 2026-12-06 21:50:07 UTC}) for the hover title. Times more than 30 days
 * away show their date instead, since "41 days ago" says less than the date.
 */
public final class HumanTime {

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private HumanTime() {}

    /** {@code just now}, {@code 3 minutes ago}, {@code in 2 hours}, or {@code on 2026-11-02}. */
    public static String relative(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, now);
        boolean future = age.isNegative();
        long seconds = age.abs().getSeconds();
        if (seconds < 45) {
            return "just now";
        }
        String amount;
        if (seconds < 90 * 60) {
            amount = plural(Math.max(1, Math.round(seconds / 60.0)), "minute");
        } else if (seconds < 36 * 3600) {
            amount = plural(Math.round(seconds / 3600.0), "hour");
        } else if (seconds < 30 * 86400) {
            amount = plural(Math.round(seconds / 86400.0), "day");
        } else {
            return "on " + DATE.format(at);
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** {@code 2026-12-06 21:50:07 UTC}; empty for none. */
    public static String exact(Instant at) {
        return at == null ? "" : EXACT.format(at);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
