package io.deskbridge.sync.api;

import io.deskbridge.common.text.StoredText;

/**
 * Text sync stores (names, titles, rule texts) under desk's rules ({@link StoredText}): a NUL that
 * reached PostgreSQL was a 500; now it is a 422 naming the field, and nothing changes.
 */
public final class TextInput {

    private TextInput() {}

    /** 422 {@code InvalidValue} on {@code field} when {@code text} (may be null) breaks a rule. */
    public static void check(String field, String label, String text) {
        if (text == null) {
            return;
        }
        StoredText.problem(text).ifPresent(problem -> {
            throw new RecordInvalidException(field, "InvalidValue", label + ": " + problem);
        });
    }
}
