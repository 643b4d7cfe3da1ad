package io.deskbridge.desk.apitoken;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do. Zendesk's tokens are always full access; read-only is desk's addition. */
public enum TokenScope {
    FULL("full", "Full access"),
    READ_ONLY("read", "Read only");

    private final String wireName;
    private final String label;

    TokenScope(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<TokenScope> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
