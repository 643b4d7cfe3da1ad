package io.deskbridge.desk.apitoken;

import io.deskbridge.desk.api.RecordInvalidException;

/** A token request that breaks a rule; the message names the rule and the values. */
public class ApiTokenRefusedException extends RecordInvalidException {

    private ApiTokenRefusedException(String field, String code, String description) {
        super(field, code, description);
    }

    public static ApiTokenRefusedException tokenAccessOff() {
        return new ApiTokenRefusedException(
                "base",
                "TokenAccessDisabled",
                "API token access is turned off: turn on Admin Center → Apps and integrations → APIs → API configuration → Allow API token access to generate tokens");
    }

    public static ApiTokenRefusedException capReached(int cap) {
        return new ApiTokenRefusedException(
                "base",
                "TokenLimitReached",
                "This account already has " + cap
                        + " API tokens, the maximum; delete unused tokens before adding more");
    }

    public static ApiTokenRefusedException description(String problem) {
        return new ApiTokenRefusedException("description", "InvalidValue", "Description: " + problem);
    }

    public static ApiTokenRefusedException blankDescription() {
        return new ApiTokenRefusedException("description", "BlankValue", "Description: cannot be blank");
    }

    public static ApiTokenRefusedException expiry(String problem) {
        return new ApiTokenRefusedException("expires_at", "InvalidValue", "Expires at: " + problem);
    }

    public static ApiTokenRefusedException field(String field, String problem) {
        return new ApiTokenRefusedException(field, "InvalidValue", problem);
    }
}
