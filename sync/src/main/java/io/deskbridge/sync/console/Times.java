package io.deskbridge.sync.console;

import io.deskbridge.common.time.HumanTime;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one time format of sync's pages ({@link HumanTime}: relative words, the exact UTC time for a
 * {@code title}) on sync's clock. Templates call it as {@code @times} (see the {@code time}
 * fragment of {@code layout.html}).
 */
@Component("times")
public class Times {

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    /** {@code just now}, {@code 3 minutes ago}, {@code in 2 hours}, or {@code on 2026-11-02}. */
    public String relative(Instant at) {
        return HumanTime.relative(at, clock.instant());
    }

    /** {@code 2026-12-06 21:50:07 UTC}. */
    public String exact(Instant at) {
        return HumanTime.exact(at);
    }
}
