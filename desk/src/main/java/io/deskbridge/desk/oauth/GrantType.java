package io.deskbridge.desk.oauth;

import java.util.Arrays;
import java.util.Optional;

/** The grant types {@code POST /oauth/tokens} accepts (Zendesk's three; no password, no implicit). */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    REFRESH_TOKEN("refresh_token"),
    CLIENT_CREDENTIALS("client_credentials");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<GrantType> fromWireName(String value) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(value)).findFirst();
    }
}
