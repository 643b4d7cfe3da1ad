package io.deskbridge.desk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook as desk shows it: never its signing secret or credential.
 *
 * @param authentication null when the webhook sends no credential
 * @param consecutiveFailures invocations that failed in a row since the last success
 * @param createdBy null when desk created it
 */
public record Webhook(
        long id,
        String name,
        String description,
        WebhookStatus status,
        String endpoint,
        String httpMethod,
        String requestFormat,
        List<String> subscriptions,
        WebhookAuthentication authentication,
        Map<String, String> customHeaders,
        int consecutiveFailures,
        Instant createdAt,
        Long createdBy,
        Instant updatedAt,
        Long updatedBy) {

    /** Whether it receives ticket events (rather than trigger calls). */
    public boolean subscribesToEvents() {
        return !subscriptions.contains(TicketEventType.CONDITIONAL_TICKET_EVENTS);
    }
}
