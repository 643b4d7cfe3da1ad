package io.deskbridge.desk.oauth;

/**
 * An authorization request that cannot proceed. With a {@code redirectUri} the error goes back to the
 * client (RFC 6749 4.1.2.1); without one (unknown client, unregistered redirect URI) it is shown to
 * the user, never redirected, so desk cannot be used as an open redirector.
 */
class AuthorizationRefusedException extends RuntimeException {

    private final String error;
    private final String redirectUri;
    private final String state;

    AuthorizationRefusedException(String error, String description, String redirectUri, String state) {
        super(description);
        this.error = error;
        this.redirectUri = redirectUri;
        this.state = state;
    }

    static AuthorizationRefusedException shownToUser(String description) {
        return new AuthorizationRefusedException("invalid_request", description, null, null);
    }

    String error() {
        return error;
    }

    String redirectUri() {
        return redirectUri;
    }

    String state() {
        return state;
    }
}
