package io.deskbridge.desk.webhook;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: every {@code desk.webhooks.poll-interval} it leases as many due invocations
 * as it has free delivery threads and hands each to a thread of its own pool. Leases are rows in
 * the database, so any number of desk instances can run this side by side; an instance that dies
 * mid-delivery leaves leases that expire after {@code desk.webhooks.claim-lease}, and the
 * invocation is attempted again (at-least-once).
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookInvocationRepository invocations;
    private final WebhookDeliverer deliverer;
    private final WebhookProperties properties;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService workers;
    private final Semaphore freeWorkers;

    WebhookDispatcher(
            WebhookInvocationRepository invocations,
            WebhookDeliverer deliverer,
            WebhookProperties properties,
            Clock clock) {
        this.invocations = invocations;
        this.deliverer = deliverer;
        this.properties = properties;
        this.clock = clock;
        this.freeWorkers = new Semaphore(properties.deliveryThreads());
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.deliveryThreads(), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${desk.webhooks.poll-interval}")
    void poll() {
        int free = Math.min(freeWorkers.availablePermits(), properties.batchSize());
        if (free == 0 || workers.isShutdown()) {
            return;
        }
        List<ClaimedInvocation> claimed;
        try {
            Instant now = clock.instant();
            claimed = invocations.claimDue(
                    now, now.plus(properties.claimLease()), instance + ":" + UUID.randomUUID(), free);
        } catch (RuntimeException e) {
            // The database blipped; the next poll tries again.
            log.warn("Could not claim due webhook invocations: {}", e.getMessage());
            return;
        }
        for (ClaimedInvocation invocation : claimed) {
            freeWorkers.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    deliverer.deliver(invocation);
                } finally {
                    freeWorkers.release();
                }
            });
        }
    }

    /** Drops finished invocations older than {@code desk.webhooks.invocation-retention}. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void dropOldInvocations() {
        try {
            int dropped = invocations.deleteFinishedBefore(clock.instant().minus(properties.invocationRetention()));
            if (dropped > 0) {
                log.info("Dropped {} finished webhook invocations past their retention", dropped);
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop old webhook invocations: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
