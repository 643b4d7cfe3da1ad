package io.deskbridge.desk.apiauth;

import io.deskbridge.desk.user.DeskPrincipal;

/**
 * What the API authenticator concluded about an {@code Authorization} header.
 *
 * @param principal set on success
 * @param readOnly the token may only read
 * @param failure why it failed (for logs; never shown to the caller), null on success
 * @param bearer the header was a Bearer token (answered with the OAuth error body)
 */
public record ApiAuthentication(DeskPrincipal principal, boolean readOnly, String failure, boolean bearer) {

    static ApiAuthentication success(DeskPrincipal principal, boolean readOnly) {
        return new ApiAuthentication(principal, readOnly, null, false);
    }

    static ApiAuthentication failed(String reason) {
        return new ApiAuthentication(null, false, reason, false);
    }

    static ApiAuthentication failedBearer(String reason) {
        return new ApiAuthentication(null, false, reason, true);
    }

    public boolean succeeded() {
        return principal != null;
    }
}
