package io.deskbridge.desk.webhook;

import java.time.Instant;

/**
 * One event for one webhook, with the result of its latest attempt.
 *
 * @param lastStatusCode null when the latest attempt got no HTTP response (or none happened yet)
 * @param lastLatencyMs null before the first attempt
 * @param completedAt when it succeeded, failed or was cancelled
 */
public record WebhookInvocation(
        long id,
        long webhookId,
        String eventId,
        String eventType,
        InvocationState state,
        int attempts,
        Integer lastStatusCode,
        Long lastLatencyMs,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant completedAt) {}
