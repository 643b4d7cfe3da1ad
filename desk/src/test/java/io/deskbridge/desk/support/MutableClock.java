package io.deskbridge.desk.support;

import io.deskbridge.desk.testdouble.AdvancingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can move forward; follows real time (plus the offset) so sessions keep working. */
public final class MutableClock extends Clock implements AdvancingClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    @Override
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        frozen.getAndUpdate(at -> at == null ? null : at.plus(by));
    }

    /** Stops the clock at {@code at}; {@link #advance} moves it, {@link #reset} lets it run again. */
    public void freezeAt(Instant at) {
        frozen.set(at);
    }

    @Override
    public Duration offset() {
        return offset.get();
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = frozen.get();
        return at != null ? at : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("desk runs on UTC");
    }
}
