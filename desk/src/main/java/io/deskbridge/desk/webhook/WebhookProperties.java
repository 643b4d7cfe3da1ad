package io.deskbridge.desk.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code desk.webhooks.*}, validated at start-up (a wrong value stops desk with a message naming the
 * property).
 *
 * @param allowPrivateTargets the admin setting "allow private webhook targets": endpoints on
 *     loopback and private networks are refused unless it is true; link-local and cloud metadata
 *     addresses are refused always
 * @param accountId the {@code x-zendesk-account-id} header and the events' {@code account_id}
 * @param pollInterval how often the dispatcher looks for due invocations
 * @param batchSize at most this many invocations are leased and unfinished per instance (claimed,
 *     queued for a delivery thread or being attempted); a busy outbox claims about half of it at a time
 * @param deliveryThreads concurrent outbound requests per instance
 * @param connectTimeout TCP/TLS connect timeout of one attempt
 * @param requestTimeout time allowed for the response headers of one attempt
 * @param claimLease how long a claimed invocation stays with its instance; an instance that dies
 *     mid-delivery releases its invocations after this long. Must exceed connect + request timeout
 * @param maxAttempts attempts per invocation before it fails
 * @param backoffBase delay before the second attempt; doubles per attempt
 * @param backoffCap the longest delay between two attempts
 * @param deactivateAfterFailedEvents consecutive failed invocations that deactivate a webhook
 * @param invocationRetention how long finished invocations stay in the log
 */
@ConfigurationProperties("desk.webhooks")
public record WebhookProperties(
        boolean allowPrivateTargets,
        long accountId,
        Duration pollInterval,
        int batchSize,
        int deliveryThreads,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration claimLease,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        int deactivateAfterFailedEvents,
        Duration invocationRetention) {

    public WebhookProperties {
        positive("desk.webhooks.poll-interval", pollInterval);
        positive("desk.webhooks.connect-timeout", connectTimeout);
        positive("desk.webhooks.request-timeout", requestTimeout);
        positive("desk.webhooks.claim-lease", claimLease);
        positive("desk.webhooks.backoff-base", backoffBase);
        positive("desk.webhooks.backoff-cap", backoffCap);
        positive("desk.webhooks.invocation-retention", invocationRetention);
        atLeast("desk.webhooks.account-id", accountId, 1);
        atLeast("desk.webhooks.batch-size", batchSize, 1);
        atLeast("desk.webhooks.delivery-threads", deliveryThreads, 1);
        atLeast("desk.webhooks.max-attempts", maxAttempts, 1);
        atLeast("desk.webhooks.deactivate-after-failed-events", deactivateAfterFailedEvents, 1);
        Duration attempt = connectTimeout.plus(requestTimeout);
        if (claimLease.compareTo(attempt) <= 0) {
            throw new IllegalStateException("desk.webhooks.claim-lease (" + claimLease
                    + ") must be longer than desk.webhooks.connect-timeout + desk.webhooks.request-timeout (" + attempt
                    + "), or a slow attempt would let another instance deliver the same invocation concurrently");
        }
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalStateException("desk.webhooks.backoff-cap (" + backoffCap
                    + ") must not be shorter than desk.webhooks.backoff-base (" + backoffBase + ")");
        }
    }

    /** The delay after failed attempt {@code attempt} (1-based): base × 2^(attempt-1), at most the cap. */
    Duration backoff(int attempt) {
        Duration delay = backoffBase;
        for (int i = 1; i < attempt && delay.compareTo(backoffCap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(backoffCap) > 0 ? backoffCap : delay;
    }

    private static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalStateException(
                    property + " must be a positive duration such as 250ms or 10s (got " + value + ")");
        }
    }

    private static void atLeast(String property, long value, long min) {
        if (value < min) {
            throw new IllegalStateException(property + " must be at least " + min + " (got " + value + ")");
        }
    }
}
