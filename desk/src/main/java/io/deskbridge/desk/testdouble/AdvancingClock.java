package io.deskbridge.desk.testdouble;

import java.time.Duration;

/**
 * A clock the test double may move forward ({@code POST /_desk/clock/advance}): desk's own clock while
 * the test double is on ({@link TestDoubleClock}), or a test's clock. It never moves back: ids,
 * {@code generated_timestamp}s and export cursors assume time does not run backwards.
 */
public interface AdvancingClock {

    /** Moves the clock forward by {@code by} (positive). */
    void advance(Duration by);

    /** How far ahead of the system clock this clock runs. */
    Duration offset();
}
