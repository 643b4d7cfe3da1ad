package io.deskbridge.desk.apitoken;

/**
 * The outcome of checking a presented token value. Only {@link Outcome#VALID} carries a token; the
 * other outcomes exist for logs and audit, and all answer the caller with the same 401.
 */
public record TokenCheck(Outcome outcome, VerifiedToken token) {

    public enum Outcome {
        VALID,
        MALFORMED,
        UNKNOWN,
        DEACTIVATED,
        EXPIRED,
        ROTATED_AWAY
    }

    static final TokenCheck MALFORMED = new TokenCheck(Outcome.MALFORMED, null);
    static final TokenCheck UNKNOWN = new TokenCheck(Outcome.UNKNOWN, null);

    static TokenCheck failed(Outcome outcome) {
        return new TokenCheck(outcome, null);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
