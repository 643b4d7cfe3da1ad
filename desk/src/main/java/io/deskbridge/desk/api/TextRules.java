package io.deskbridge.desk.api;

import java.util.Optional;

/**
 * What text desk stores: no NUL or other control characters (tab, line feed and carriage return
 * excepted), no unpaired UTF-16 surrogate, no byte order mark in front. PostgreSQL refuses NUL in
 * text outright, the others break the clients that read the text back (and sync, which stores it
 * again), so they are refused when they arrive, with Zendesk's 422.
 */
public final class TextRules {

    private TextRules() {}

    /** The first rule {@code text} breaks, in words; empty when it breaks none. */
    public static Optional<String> problem(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.charAt(0) == '\uFEFF') {
            return Optional.of("starts with a byte order mark (U+FEFF)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return Optional.of(
                        "contains the control character U+" + String.format("%04X", (int) c) + " at position " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(
                        "contains an unpaired surrogate (U+" + String.format("%04X", (int) c) + ") at position " + i);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(
                        "contains an unpaired surrogate (U+" + String.format("%04X", (int) c) + ") at position " + i);
            }
        }
        return Optional.empty();
    }

    /** 422 naming {@code field} when {@code text} breaks a rule. */
    public static void check(String field, String text) {
        problem(text).ifPresent(p -> {
            throw new RecordInvalidException(field, "InvalidValue", Input.label(field) + ": " + p);
        });
    }
}
