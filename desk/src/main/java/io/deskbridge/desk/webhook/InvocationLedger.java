package io.deskbridge.desk.webhook;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records attempts and their consequences, a group of attempts per transaction: the attempt rows, the
 * invocations' new states (done, or due again after a backoff), the webhook's failure streak, and
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

    /**
     * Records a group of finished attempts in one transaction (see {@link AttemptRecorder}): their
     * attempt rows in one batch, their invocations' new states in another (issue 17: a statement per
     * row was three round trips per delivery on PostgreSQL), then the webhooks' failure streaks in the
     * group's order: a success resets its webhook's streak (once per webhook and group), a failed
     * invocation counts one more and may deactivate the webhook, cancelling what it still has pending.
     */
    @Transactional
    public void recordAll(List<AttemptRecorder.Finished> group) {
        Instant now = clock.instant();
        List<WebhookInvocationRepository.AttemptRow> attempts = new ArrayList<>(group.size());
        List<WebhookInvocationRepository.Finish> finishes = new ArrayList<>(group.size());
        for (AttemptRecorder.Finished finished : group) {
            ClaimedInvocation invocation = finished.invocation();
            AttemptResult result = finished.result();
            int attempt = invocation.attempts() + 1;
            attempts.add(new WebhookInvocationRepository.AttemptRow(
                    invocation.id(),
                    attempt,
                    result.outcome(),
                    result.statusCode(),
                    result.latencyMs(),
                    result.error(),
                    finished.startedAt()));
            boolean retry = result.outcome() == AttemptOutcome.RETRYABLE && attempt < properties.maxAttempts();
            InvocationState state = result.outcome() == AttemptOutcome.SUCCESS
                    ? InvocationState.SUCCESS
                    : retry ? InvocationState.PENDING : InvocationState.FAILED;
            finishes.add(new WebhookInvocationRepository.Finish(
                    invocation.id(),
                    invocation.claimedBy(),
                    state,
                    attempt,
                    retry ? now.plus(delay(attempt, result.retryAfter())) : now,
                    result.statusCode(),
                    result.latencyMs(),
                    result.error(),
                    state == InvocationState.PENDING ? null : now));
        }
        invocations.insertAttempts(attempts);
        boolean[] ours = invocations.finishAttempts(finishes);
        Set<Long> succeeded = new LinkedHashSet<>();
        for (int i = 0; i < group.size(); i++) {
            AttemptRecorder.Finished finished = group.get(i);
            ClaimedInvocation invocation = finished.invocation();
            if (!ours[i]) {
                // The lease ran out and another instance took over, or an admin deactivated the webhook.
                log.info(
                        "Webhook invocation {} was taken over or cancelled during attempt {}; the attempt is logged only",
                        invocation.id(),
                        invocation.attempts() + 1);
                continue;
            }
            metrics.attempted(invocation, finished.result().outcome());
            InvocationState state = finishes.get(i).state();
            long webhookId = finished.webhook().id();
            if (state == InvocationState.SUCCESS) {
                succeeded.add(webhookId);
            } else if (state == InvocationState.FAILED) {
                if (succeeded.remove(webhookId)) {
                    webhooks.resetFailures(webhookId); // an earlier success of the group broke the streak
                }
                countFailure(finished.webhook(), finished.result(), now);
            }
        }
        succeeded.forEach(webhooks::resetFailures);
    }

    private void countFailure(Webhook webhook, AttemptResult result, Instant now) {
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
                    "Deactivated after " + failures + " failed invocations in a row (last: " + result.error() + "); "
                            + cancelled + " pending invocations cancelled");
            log.warn(
                    "Deactivated webhook {} after {} failed invocations in a row (last: {})",
                    webhook.id(),
                    failures,
                    result.error());
        }
    }

    /** Cancels an invocation claimed for a webhook that is no longer active. */
    @Transactional
    public void cancel(ClaimedInvocation invocation) {
        Instant now = clock.instant();
        invocations.finishAttempts(List.of(new WebhookInvocationRepository.Finish(
                invocation.id(),
                invocation.claimedBy(),
                InvocationState.CANCELLED,
                invocation.attempts(),
                now,
                null,
                0,
                "webhook is inactive",
                now)));
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
