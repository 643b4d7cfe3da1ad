package io.deskbridge.desk.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes finished attempts to the ledger in groups: one recorder thread takes every attempt the
 * delivery threads finished since its last write (at most {@link #MAX_GROUP}) and records them in
 * one transaction, so that a busy outbox pays one commit per group rather than one per delivery
 * (issue 17: on embedded H2 every commit writes a new chunk of changed pages to the file, on
 * PostgreSQL it waits for the WAL flush). An attempt is in the queue for the time of one such write;
 * an instance that dies in between loses the record, not the event: the lease runs out and the
 * invocation is attempted again (at-least-once, as before). Stopping records what is queued.
 */
@Component
class AttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    static final int MAX_GROUP = 500;

    /** A finished attempt waiting to be recorded. */
    record Finished(ClaimedInvocation invocation, Webhook webhook, AttemptResult result, Instant startedAt) {}

    private final InvocationLedger ledger;
    private final BlockingQueue<Finished> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;

    AttemptRecorder(InvocationLedger ledger) {
        this.ledger = ledger;
    }

    void submit(Finished finished) {
        queue.add(finished);
    }

    void start() {
        Thread recorder = new Thread(this::run, "webhook-recorder");
        recorder.setDaemon(true);
        thread = recorder;
        recorder.start();
    }

    /** Stops the thread, then records whatever is still queued. */
    void stop() throws InterruptedException {
        Thread recorder = thread;
        thread = null;
        if (recorder != null) {
            recorder.interrupt();
            recorder.join(TimeUnit.SECONDS.toMillis(5));
        }
        List<Finished> rest = new ArrayList<>();
        queue.drainTo(rest);
        record(rest);
    }

    private void run() {
        List<Finished> group = new ArrayList<>(MAX_GROUP);
        while (thread == Thread.currentThread()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException stopping) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            record(group);
            group.clear();
        }
    }

    private void record(List<Finished> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            ledger.recordAll(group);
        } catch (RuntimeException groupFailed) {
            // One bad row must not cost the others their record: one transaction each.
            for (Finished finished : group) {
                try {
                    ledger.recordAll(List.of(finished));
                } catch (RuntimeException e) {
                    log.warn(
                            "Could not record attempt {} of webhook invocation {}: {}",
                            finished.invocation().attempts() + 1,
                            finished.invocation().id(),
                            e.getMessage());
                }
            }
        }
    }
}
