package io.deskbridge.desk.webhook;

import java.time.Instant;

/**
 * One HTTP attempt of an invocation.
 *
 * @param statusCode null when no HTTP response came back
 * @param error why it failed, without credentials or the endpoint's query string
 */
public record WebhookAttempt(
        long id,
        long invocationId,
        int attempt,
        AttemptOutcome outcome,
        Integer statusCode,
        long latencyMs,
        String error,
        Instant startedAt) {}
