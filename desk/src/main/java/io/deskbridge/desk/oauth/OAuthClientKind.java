package io.deskbridge.desk.oauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * Zendesk's client kinds. A confidential client holds a secret and authenticates with it at the token
 * endpoint; a public client (a browser or mobile app) has no secret, so it must use PKCE and may not
 * use the client-credentials grant.
 */
public enum OAuthClientKind {
    CONFIDENTIAL("confidential"),
    PUBLIC("public");

    private final String wireName;

    OAuthClientKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OAuthClientKind> fromWireName(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
    }
}
