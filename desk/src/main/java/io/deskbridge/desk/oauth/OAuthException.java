package io.deskbridge.desk.oauth;

/**
 * A refusal at the token endpoint, answered with RFC 6749's error body ({@code {"error":
 * "invalid_grant","error_description":"..."}}), which is also Zendesk's. The description names the
 * rule that broke; it never quotes a presented secret.
 */
public class OAuthException extends RuntimeException {

    /** RFC 6749 section 5.2 error codes and their statuses. */
    public enum Code {
        INVALID_REQUEST("invalid_request", 400),
        INVALID_CLIENT("invalid_client", 401),
        INVALID_GRANT("invalid_grant", 400),
        UNAUTHORIZED_CLIENT("unauthorized_client", 400),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
        INVALID_SCOPE("invalid_scope", 400);

        private final String wireName;
        private final int status;

        Code(String wireName, int status) {
            this.wireName = wireName;
            this.status = status;
        }

        public String wireName() {
            return wireName;
        }

        public int status() {
            return status;
        }
    }

    private final Code code;

    public OAuthException(Code code, String description) {
        super(description);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(Code.INVALID_REQUEST, description);
    }

    static OAuthException invalidClient(String description) {
        return new OAuthException(Code.INVALID_CLIENT, description);
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException(Code.INVALID_GRANT, description);
    }

    static OAuthException invalidScope(String description) {
        return new OAuthException(Code.INVALID_SCOPE, description);
    }
}
