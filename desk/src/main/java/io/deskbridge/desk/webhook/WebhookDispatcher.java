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
 * Delivers the outbox. One dispatcher thread per instance leases due invocations, at most {@code
 * desk.webhooks.batch-size} leased and unfinished at a time, and queues them for the delivery
 * threads ({@code desk.webhooks.delivery-threads}); it leases again as soon as there is room while it
 * finds work; only when nothing is due does it rest, until {@code desk.webhooks.poll-interval} has
 * passed or this instance committed new invocations ({@link DispatchSignal}). Leases are rows in the
 * database, so any number of desk instances can run this side by side; an instance that dies
 * mid-delivery leaves leases that expire after {@code desk.webhooks.claim-lease}, and the invocation
 * is attempted again (at-least-once).
 *
 * <p>Issue 17: this was a {@code @Scheduled} poll that claimed one batch (as many invocations as free
 * threads, 8) and then waited out the poll interval (250 ms) however much was due: at most 32
 * deliveries a second. Each claim is a commit (a WAL flush on PostgreSQL), so claims are large: after
 * a claim that found as much as it asked for (more is probably due), the next waits until half of
 * the batch has finished, so a busy outbox pays one claim per ~batch-size/2 deliveries while the
 * delivery threads always have work queued. A leased invocation may wait in that queue; an attempt
 * starts only while its lease has more than connect-timeout + request-timeout left, so it ends
 * before the lease does and no other instance can deliver it concurrently. One whose lease is too
 * short by then is not attempted here: it is leased again once the lease runs out (here or
 * elsewhere), as after a crash. A batch's webhooks are read once per batch.
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

    private volatile Semaphore inFlight;
    private volatile Thread loop;

    /** The last claim found as many due invocations as it asked for: more are probably due. */
    private boolean lastClaimFull;

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
        inFlight = new Semaphore(properties.batchSize());
        lastClaimFull = false;
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
        List<Runnable> unstarted = pool.shutdownNow();
        releaseUnstarted(unstarted);
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
     * Waits for room (one free place in the batch; half the batch after a full claim), claims as many
     * due invocations as there is room for and queues them for the delivery threads; the number
     * claimed.
     */
    int dispatchDue() throws InterruptedException {
        ExecutorService pool = workers;
        Semaphore room = inFlight;
        int wanted = lastClaimFull ? Math.max(1, properties.batchSize() / 2) : 1;
        room.acquire(wanted);
        room.release(wanted);
        int free = room.availablePermits();
        Instant now = clock.instant();
        Instant until = now.plus(properties.claimLease());
        // An attempt takes at most connect + request timeout: it must start before this to end within its lease.
        Instant startBy = until.minus(properties.connectTimeout().plus(properties.requestTimeout()));
        List<ClaimedInvocation> claimed = invocations.claimDue(now, until, instance + ":" + UUID.randomUUID(), free);
        lastClaimFull = claimed.size() == free;
        Map<Long, Optional<StoredWebhook>> batchWebhooks = new HashMap<>();
        for (ClaimedInvocation invocation : claimed) {
            Optional<StoredWebhook> webhook = batchWebhooks.computeIfAbsent(invocation.webhookId(), webhooks::findById);
            room.acquireUninterruptibly();
            try {
                pool.execute(new Queued(invocation, () -> {
                    try {
                        if (clock.instant().isBefore(startBy)) {
                            deliverer.deliver(invocation, webhook);
                        } else {
                            // Queued too long (slow receivers): leave it to its lease, see the class comment.
                            log.debug("Webhook invocation {} waited past its lease's start-by time", invocation.id());
                        }
                    } finally {
                        room.release();
                    }
                }));
            } catch (RuntimeException shuttingDown) {
                // Rejected: the pool is stopping; the lease runs out and the invocation is attempted again.
                room.release();
                throw new InterruptedException("webhook delivery is stopping");
            }
        }
        return claimed.size();
    }

    /** A leased invocation waiting for a delivery thread. */
    private record Queued(ClaimedInvocation invocation, Runnable attempt) implements Runnable {
        @Override
        public void run() {
            attempt.run();
        }
    }

    /**
     * A stopping instance gives back the leases of the invocations still queued, so that another
     * instance (or this one, restarted) delivers them at once instead of after their lease; if that
     * fails, the leases simply run out.
     */
    private void releaseUnstarted(List<Runnable> unstarted) {
        List<ClaimedInvocation> queued = unstarted.stream()
                .filter(Queued.class::isInstance)
                .map(r -> ((Queued) r).invocation())
                .toList();
        if (queued.isEmpty()) {
            return;
        }
        try {
            int released = invocations.release(queued);
            log.info("Gave back the leases of {} queued webhook invocations on stopping", released);
        } catch (RuntimeException e) {
            log.warn("Could not give back {} webhook invocation leases on stopping: {}", queued.size(), e.getMessage());
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
}
