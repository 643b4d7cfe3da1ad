package io.deskbridge.desk.webhook;

import java.util.Arrays;
import java.util.Optional;

/** Zendesk's webhook statuses: only active webhooks receive events. */
public enum WebhookStatus {
    ACTIVE("active"),
    INACTIVE("inactive");

    private final String wireName;

    WebhookStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<WebhookStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
