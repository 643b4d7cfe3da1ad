package io.deskbridge.desk.oauth;

/**
 * The outcome of checking a presented access token. Only {@link Outcome#VALID} carries the token;
 * the others exist for logs, and all answer the caller with the same 401.
 */
public record AccessTokenCheck(Outcome outcome, VerifiedAccessToken token) {

    public enum Outcome {
        VALID,
        MALFORMED,
        UNKNOWN,
        REVOKED,
        EXPIRED
    }

    static AccessTokenCheck failed(Outcome outcome) {
        return new AccessTokenCheck(outcome, null);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    /** What the API needs to run a request with the token. */
    public record VerifiedAccessToken(
            long tokenId, long clientId, long userId, GrantType grantType, OAuthScopes scopes) {}
}
