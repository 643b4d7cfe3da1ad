package io.deskbridge.desk.oauth;

/** Why a token row was revoked ({@code oauth_tokens.revocation_reason}). */
final class OAuthRevocation {

    /** Replaced by a refresh: presenting its refresh token again is reuse. */
    static final String REFRESHED = "refreshed";

    static final String REVOKED = "revoked";
    static final String REFRESH_REUSED = "refresh_reused";
    static final String CODE_REUSED = "code_reused";

    /** Its access or refresh token was reported leaked (a secret-scanning report): the whole family stops. */
    static final String LEAKED = "leaked";

    private OAuthRevocation() {}
}
