package io.deskbridge.common.text;

import java.util.Optional;

/**
 * What text desk and sync store: no NUL or other control characters (tab, line feed and carriage
 * return excepted), no unpaired UTF-16 surrogate, no byte order mark in front. PostgreSQL refuses NUL
 * in text outright (a 500 if it got that far), the others break the clients that read the text back,
 * so both refuse such text when it arrives, with a 422 naming the field.
 */
public final class StoredText {

    private StoredText() {}

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
}
