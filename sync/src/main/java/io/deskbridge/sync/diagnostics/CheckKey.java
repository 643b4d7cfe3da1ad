package io.deskbridge.sync.diagnostics;

import java.util.Arrays;

/** The checklist's steps, in the order they run (sync-design.md, "Diagnostics checklist"). */
public enum CheckKey {
    ADDRESS("address", "Zendesk address"),
    REACHABLE("reachable", "Reachable, and a Zendesk Support API"),
    CREDENTIALS("credentials", "Credentials stored"),
    AUTHENTICATION("authentication", "Credentials accepted"),
    IDENTITY("identity", "Authenticated as a real user"),
    USER("user", "User, role and state"),
    STREAMS("streams", "Access to every stream"),
    RATE_LIMIT("rate_limit", "Rate limit and backfill estimate"),
    TOKEN_LIFETIME("token_lifetime", "Token expiry and retirement");

    private final String wireName;
    private final String title;

    CheckKey(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    static CheckKey fromWireName(String value) {
        return Arrays.stream(values())
                .filter(k -> k.wireName.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No diagnostics check is called " + value));
    }
}
