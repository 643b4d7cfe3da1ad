package io.deskbridge.desk.webhook;

import java.time.Instant;

/**
 * An invocation this instance leased for one attempt.
 *
 * @param attempts attempts made before this one
 * @param claimedBy the lease token; completing the attempt requires it to still be ours
 * @param createdAt when the event was committed (the start of its delivery latency)
 */
record ClaimedInvocation(
        long id,
        long webhookId,
        String eventId,
        String eventType,
        String payload,
        int attempts,
        String claimedBy,
        Instant createdAt) {}
