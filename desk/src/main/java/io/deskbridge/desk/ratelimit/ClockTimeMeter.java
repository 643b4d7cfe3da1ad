package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Bucket4j's time source read from desk's injected {@link Clock}, so the windows, the
 * {@code ratelimit-reset} header and the buckets agree on one time, and tests move that time
 * instead of sleeping to a minute boundary. Wall-clock based: the windows are aligned to clock minutes.
 */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    Clock clock() {
        return clock;
    }
}
