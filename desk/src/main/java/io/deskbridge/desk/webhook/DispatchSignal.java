package io.deskbridge.desk.webhook;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this instance's idle dispatcher when a transaction that wrote invocations commits, so a
 * delivery does not wait out the poll interval. Other instances find the invocations at their next
 * poll; a signal lost to a crash costs one poll interval, nothing more.
 */
@Component
class DispatchSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean pending;

    /** Signals after the current transaction commits (at once outside a transaction). */
    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            signal();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal();
            }
        });
    }

    void signal() {
        lock.lock();
        try {
            pending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a signal or the timeout, whichever comes first; consumes the signal. */
    void await(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!pending && nanos > 0) {
                nanos = work.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
