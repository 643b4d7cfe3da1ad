package io.deskbridge.desk.testdouble;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * desk's clock while the test double is on: the system clock plus an offset that only grows. Rate-limit
 * windows, token expiry, idle deactivation and automations all read desk's one {@link Clock}, so an
 * integration suite can move them forward instead of waiting (a rate-limit window of a minute, a token
 * that expires in a day). With the test double off desk runs on {@link Clock#systemUTC()}.
 */
public final class TestDoubleClock extends Clock implements AdvancingClock {

    private final Clock system;
    private final AtomicLong offsetNanos = new AtomicLong();

    public TestDoubleClock(Clock system) {
        this.system = system;
    }

    @Override
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The test double's clock only moves forward");
        }
        offsetNanos.addAndGet(by.toNanos());
    }

    @Override
    public Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }

    @Override
    public Instant instant() {
        return system.instant().plusNanos(offsetNanos.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
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
