package io.deskbridge.desk.webhook;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records attempts and their consequences in one transaction each: the attempt row, the
 * invocation's new state (done, or due again after a backoff), the webhook's failure streak, and
 * its deactivation when the streak reaches {@code desk.webhooks.deactivate-after-failed-events}.
 */
@Component
class InvocationLedger {

    private static final Logger log = LoggerFactory.getLogger(InvocationLedger.class);

    private final WebhookInvocationRepository invocations;
    private final WebhookRepository webhooks;
    private final AuditLog audit;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final Clock clock;

    InvocationLedger(
            WebhookInvocationRepository invocations,
            WebhookRepository webhooks,
            AuditLog audit,
            WebhookProperties properties,
            WebhookMetrics metrics,
            Clock clock) {
        this.invocations = invocations;
        this.webhooks = webhooks;
        this.audit = audit;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records a group of finished attempts in one transaction (see {@link AttemptRecorder}). */
    @Transactional
    public void recordAll(List<AttemptRecorder.Finished> group) {
        for (AttemptRecorder.Finished finished : group) {
            record(finished.invocation(), finished.webhook(), finished.result(), finished.startedAt());
        }
    }

    private void record(ClaimedInvocation invocation, Webhook webhook, AttemptResult result, Instant startedAt) {
        int attempt = invocation.attempts() + 1;
        invocations.insertAttempt(
                invocation.id(),
                attempt,
                result.outcome(),
                result.statusCode(),
                result.latencyMs(),
                result.error(),
                startedAt);
        Instant now = clock.instant();
        boolean retry = result.outcome() == AttemptOutcome.RETRYABLE && attempt < properties.maxAttempts();
        InvocationState state = result.outcome() == AttemptOutcome.SUCCESS
                ? InvocationState.SUCCESS
                : retry ? InvocationState.PENDING : InvocationState.FAILED;
        boolean ours = invocations.finishAttempt(
                invocation.id(),
                invocation.claimedBy(),
                state,
                attempt,
                retry ? now.plus(delay(attempt, result.retryAfter())) : now,
                result.statusCode(),
                result.latencyMs(),
                result.error(),
                state == InvocationState.PENDING ? null : now);
        if (!ours) {
            // The lease ran out and another instance took over, or an admin deactivated the webhook.
            log.info(
                    "Webhook invocation {} was taken over or cancelled during attempt {}; the attempt is logged only",
                    invocation.id(),
                    attempt);
            return;
        }
        metrics.attempted(invocation, result.outcome());
        if (state == InvocationState.SUCCESS) {
            webhooks.resetFailures(webhook.id());
        } else if (state == InvocationState.FAILED) {
            int failures = webhooks.countFailure(webhook.id());
            if (failures >= properties.deactivateAfterFailedEvents() && webhooks.deactivate(webhook.id(), now)) {
                int cancelled = invocations.cancelPending(
                        webhook.id(), "webhook deactivated after " + failures + " failed invocations in a row", now);
                audit.record(
                        Actor.system(),
                        AuditAction.UPDATE,
                        "webhook.deactivated",
                        "webhook",
                        webhook.id(),
                        webhook.name(),
                        "Deactivated after " + failures + " failed invocations in a row (last: " + result.error()
                                + "); " + cancelled + " pending invocations cancelled");
                log.warn(
                        "Deactivated webhook {} after {} failed invocations in a row (last: {})",
                        webhook.id(),
                        failures,
                        result.error());
            }
        }
    }

    /** Cancels an invocation claimed for a webhook that is no longer active. */
    @Transactional
    public void cancel(ClaimedInvocation invocation) {
        invocations.finishAttempt(
                invocation.id(),
                invocation.claimedBy(),
                InvocationState.CANCELLED,
                invocation.attempts(),
                clock.instant(),
                null,
                0,
                "webhook is inactive",
                clock.instant());
    }

    /** Capped exponential backoff plus up to 10% jitter; a longer Retry-After wins, up to the cap. */
    Duration delay(int attempt, Duration retryAfter) {
        Duration backoff = properties.backoff(attempt);
        Duration jittered = backoff.plusMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 10 + 1));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            return retryAfter.compareTo(properties.backoffCap()) > 0 ? properties.backoffCap() : retryAfter;
        }
        return jittered;
    }
}
