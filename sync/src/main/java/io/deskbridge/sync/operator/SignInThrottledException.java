package io.deskbridge.sync.operator;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without checking the password: its address or its account has used up its
 * failed sign-in budget. The API answers 429 with {@code Retry-After}; the form says how long to wait.
 */
public class SignInThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottledException(long retryAfterSeconds) {
        super("Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
