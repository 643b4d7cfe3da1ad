package io.deskbridge.desk.webhook;

import java.time.Duration;

/**
 * What one attempt came to.
 *
 * @param statusCode null when no HTTP response came back
 * @param error why it failed; null on success
 * @param retryAfter the receiver's numeric {@code Retry-After}, or null
 */
record AttemptResult(AttemptOutcome outcome, Integer statusCode, long latencyMs, String error, Duration retryAfter) {

    static AttemptResult ofStatus(int status, long latencyMs, Duration retryAfter) {
        AttemptOutcome outcome = AttemptOutcome.ofStatus(status);
        return new AttemptResult(
                outcome, status, latencyMs, outcome == AttemptOutcome.SUCCESS ? null : "HTTP " + status, retryAfter);
    }

    static AttemptResult failure(AttemptOutcome outcome, long latencyMs, String error) {
        return new AttemptResult(outcome, null, latencyMs, error, null);
    }
}
