package io.deskbridge.sync.cli;

import java.util.Locale;

/** Numbers and durations as the CLI prints them. */
final class Formats {

    private Formats() {}

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 42s}, {@code 5m 03s}, {@code 2h 10m}, {@code 3d 4h}; {@code -} for unknown. */
    static String duration(Long seconds) {
        if (seconds == null || seconds < 0) {
            return "-";
        }
        long s = seconds;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %dh", s / 86_400, (s % 86_400) / 3600);
    }

    /** Long texts (error messages in a table) cut to {@code max} characters, on one line. */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
