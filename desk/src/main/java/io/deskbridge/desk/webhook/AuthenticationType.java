package io.deskbridge.desk.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The ways Zendesk lets a webhook authenticate to its endpoint. */
public enum AuthenticationType {
    /** {@code Authorization: Basic base64(username:password)}. */
    BASIC_AUTH("basic_auth"),
    /** {@code Authorization: Bearer token}. */
    BEARER_TOKEN("bearer_token"),
    /** A header of the admin's choosing ({@code data.name}) carrying {@code data.value}. */
    API_KEY("api_key");

    private final String wireName;

    AuthenticationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<AuthenticationType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
