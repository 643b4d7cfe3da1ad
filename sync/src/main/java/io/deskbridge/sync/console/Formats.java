package io.deskbridge.sync.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times, durations and shares: short, in UTC, for people. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static final int ECHO_LIMIT = 40;

    private Formats() {}

    /** {@code 2026-01-02 03:04:05 UTC}; an em dash for none. */
    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /**
     * A lag or wait for people: "12 s", "3 min", "2 h 5 min", "4 d 3 h"; an em dash for unknown.
     * Rounded down to the unit shown: an operator asks "how far behind", not to the second.
     */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long minutes = s % 3600 / 60;
            return s / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = s % 86_400 / 3600;
        return s / 86_400 + " d" + (hours == 0 ? "" : " " + hours + " h");
    }

    /** "1 record", "0 records", "12 records": never "1 records". */
    static String records(long count) {
        return count + (count == 1 ? " record" : " records");
    }

    /** Waited seconds of a run, one decimal: "0.0 s", "12.5 s". */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A share from 0 to 1 as a whole percentage; an em dash for unknown. */
    static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }

    /** Bad input repeated back in a message, cut to its first 40 characters. */
    static String echo(String input) {
        return input.length() > ECHO_LIMIT ? input.substring(0, ECHO_LIMIT) + "…" : input;
    }

    /** A stream's wire name for people: "ticket_comments" → "Ticket comments". */
    static String label(String wireName) {
        String words = wireName.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
