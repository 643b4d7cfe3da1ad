package io.deskbridge.sync.engine;

import java.time.Duration;

/** The engine's sleeper: waits end at once when the engine stops, and then every run stops too. */
final class StopSignal implements Sleeper {

    private boolean stopping;

    synchronized boolean stopping() {
        return stopping;
    }

    synchronized void stop() {
        stopping = true;
        notifyAll();
    }

    /** The engine starts again (a stopped application context that is restarted). */
    synchronized void reset() {
        stopping = false;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!stopping) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineStoppingException();
            }
        }
        throw new EngineStoppingException();
    }
}
