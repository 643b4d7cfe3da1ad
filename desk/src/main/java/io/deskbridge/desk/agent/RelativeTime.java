package io.deskbridge.desk.agent;

import io.deskbridge.common.time.HumanTime;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one time format of desk's pages ({@link HumanTime}: relative words, the exact UTC time for a
 * {@code title}) on desk's clock. Templates call it as {@code @relativeTime} (see the {@code time}
 * fragments of {@code agent/layout.html} and {@code admincenter/layout.html}).
 */
@Component("relativeTime")
public class RelativeTime {

    private final Clock clock;

    RelativeTime(Clock clock) {
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
