package io.deskbridge.desk.apitoken;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whom a token may authenticate as. Zendesk's tokens work with the email of ANY user, which lets a
 * token holder act as any admin; desk binds tokens to their owner unless an admin chooses the legacy
 * mode explicitly.
 */
public enum AuthenticatesAs {
    OWNER_ONLY("owner", "Only its owner"),
    ANY_USER("any_user", "Any user (Zendesk-compatible legacy mode)");

    private final String wireName;
    private final String label;

    AuthenticatesAs(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<AuthenticatesAs> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
