package io.deskbridge.desk.apiauth;

import io.deskbridge.desk.oauth.OAuthScopes;
import io.deskbridge.desk.user.DeskPrincipal;

/**
 * What the API authenticator concluded about an {@code Authorization} header.
 *
 * @param principal set on success
 * @param readOnly the token may only read
 * @param scopes the OAuth scopes of a Bearer token, null for every other way in
 * @param failure why it failed (for logs; never shown to the caller), null on success
 * @param bearer the header was a Bearer token (answered with the OAuth error body)
 */
public record ApiAuthentication(
        DeskPrincipal principal, boolean readOnly, OAuthScopes scopes, String failure, boolean bearer) {

    static ApiAuthentication success(DeskPrincipal principal, boolean readOnly) {
        return new ApiAuthentication(principal, readOnly, null, null, false);
    }

    static ApiAuthentication successBearer(DeskPrincipal principal, OAuthScopes scopes) {
        return new ApiAuthentication(principal, false, scopes, null, true);
    }

    static ApiAuthentication failed(String reason) {
        return new ApiAuthentication(null, false, null, reason, false);
    }

    static ApiAuthentication failedBearer(String reason) {
        return new ApiAuthentication(null, false, null, reason, true);
    }

    public boolean succeeded() {
        return principal != null;
    }
}
