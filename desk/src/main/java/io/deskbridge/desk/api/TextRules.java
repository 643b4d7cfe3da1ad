package io.deskbridge.desk.api;

import io.deskbridge.common.text.StoredText;
import java.util.Optional;

/**
 * What text desk stores ({@link StoredText}: no control characters but tab and line breaks, no unpaired
 * surrogate, no leading byte order mark), refused when it arrives with Zendesk's 422.
 */
public final class TextRules {

    private TextRules() {}

    /** The first rule {@code text} breaks, in words; empty when it breaks none ({@link StoredText}). */
    public static Optional<String> problem(String text) {
        return StoredText.problem(text);
    }

    /** 422 naming {@code field} when {@code text} breaks a rule. */
    public static void check(String field, String text) {
        problem(text).ifPresent(p -> {
            throw new RecordInvalidException(field, "InvalidValue", Input.label(field) + ": " + p);
        });
    }
}
