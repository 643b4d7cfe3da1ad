package io.deskbridge.desk.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. One dispatcher thread per instance leases as many due invocations as there
 * are free delivery threads, hands each to a thread of the pool, and leases again at once while it
 * finds work; only when nothing is due does it rest, until {@code desk.webhooks.poll-interval} has
 * passed or this instance committed new invocations ({@link DispatchSignal}). Leases are rows in the
 * database, so any number of desk instances can run this side by side; an instance that dies
 * mid-delivery leaves leases that expire after {@code desk.webhooks.claim-lease}, and the invocation
 * is attempted again (at-least-once).
 *
 * <p>Issue 17: this was a {@code @Scheduled} poll that claimed one batch (as many invocations as free
 * threads, 8) and then waited out the poll interval (250 ms) however much was due: at most 32
 * deliveries a second. A batch's webhooks are read once per batch, not once per invocation.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookInvocationRepository invocations;
    private final WebhookRepository webhooks;
    private final WebhookDeliverer deliverer;
    private final WebhookProperties properties;
    private final DispatchSignal signal;
    private final AttemptRecorder recorder;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    /**
     * The delivery pool and its free-thread count, made anew on every start: Spring's test framework
     * stops the lifecycle beans of a cached context it does not use and starts them again when it
     * does, and a shut-down pool cannot run anything.
     */
    private volatile ExecutorService workers;

    private volatile Semaphore freeWorkers;
    private volatile Thread loop;

    WebhookDispatcher(
            WebhookInvocationRepository invocations,
            WebhookRepository webhooks,
            WebhookDeliverer deliverer,
            WebhookProperties properties,
            DispatchSignal signal,
            AttemptRecorder recorder,
            Clock clock) {
        this.invocations = invocations;
        this.webhooks = webhooks;
        this.deliverer = deliverer;
        this.properties = properties;
        this.signal = signal;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public void start() {
        freeWorkers = new Semaphore(properties.deliveryThreads());
        AtomicInteger counter = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.deliveryThreads(), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        recorder.start();
        Thread thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = loop;
        loop = null;
        if (thread != null) {
            thread.interrupt();
        }
        ExecutorService pool = workers;
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            if (thread != null) {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            recorder.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    private void run() {
        while (loop == Thread.currentThread()) {
            try {
                if (dispatchDue() == 0) {
                    signal.await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                return; // stopping
            } catch (RuntimeException e) {
                // The database blipped; try again after the poll interval.
                log.warn("Could not claim due webhook invocations: {}", e.getMessage());
                try {
                    signal.await(properties.pollInterval());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /**
     * Waits for a free delivery thread, claims as many due invocations as threads are free (at most
     * {@code desk.webhooks.batch-size}) and hands them over; the number claimed.
     */
    int dispatchDue() throws InterruptedException {
        ExecutorService pool = workers;
        Semaphore permits = freeWorkers;
        permits.acquire();
        permits.release();
        int free = Math.min(permits.availablePermits(), properties.batchSize());
        Instant now = clock.instant();
        List<ClaimedInvocation> claimed =
                invocations.claimDue(now, now.plus(properties.claimLease()), instance + ":" + UUID.randomUUID(), free);
        Map<Long, Optional<StoredWebhook>> batchWebhooks = new HashMap<>();
        for (ClaimedInvocation invocation : claimed) {
            Optional<StoredWebhook> webhook = batchWebhooks.computeIfAbsent(invocation.webhookId(), webhooks::findById);
            permits.acquireUninterruptibly();
            try {
                pool.execute(() -> {
                    try {
                        deliverer.deliver(invocation, webhook);
                    } finally {
                        permits.release();
                    }
                });
            } catch (RuntimeException shuttingDown) {
                // Rejected: the pool is stopping; the lease runs out and the invocation is attempted again.
                permits.release();
                throw new InterruptedException("webhook delivery is stopping");
            }
        }
        return claimed.size();
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
}
