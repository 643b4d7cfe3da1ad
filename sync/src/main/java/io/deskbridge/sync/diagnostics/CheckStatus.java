package io.deskbridge.sync.diagnostics;

import java.util.Locale;

/** The outcome of one check, and of a whole report (its worst check). */
public enum CheckStatus {
    PASS,
    WARN,
    FAIL,
    /** An earlier check makes this one meaningless (nothing answered, nobody authenticated). */
    SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CheckStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
