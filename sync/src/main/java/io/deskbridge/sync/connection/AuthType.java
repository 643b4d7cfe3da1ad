package io.deskbridge.sync.connection;

import java.util.Locale;

/** How sync authenticates to the account. */
public enum AuthType {
    /** Basic {@code email/token:api_token}. */
    API_TOKEN,
    /** Bearer access token, with a refresh token that rotates on every refresh. */
    OAUTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
