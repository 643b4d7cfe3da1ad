package io.deskbridge.sync.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/**
 * desk's clock ({@code /_desk/clock}, a desk started with {@link DeskProcess#TEST_DOUBLE}): moved
 * forward instead of waiting, e.g. to the start of desk's next rate-limit window (desk's windows are
 * clock minutes of desk's clock, which then runs ahead of the system clock by {@link #offset}).
 */
public final class DeskClock {

    private final TestDoubleCalls calls;

    DeskClock(TestDoubleCalls calls) {
        this.calls = calls;
    }

    /** How far desk's clock runs ahead of the system clock. */
    public Duration offset() {
        return Duration.ofMillis(clock().get("offset_ms").asLong());
    }

    /**
     * Moves desk's clock to {@code into} after its next clock minute (give or take the call's own few
     * milliseconds); returns the offset from the system clock afterwards.
     */
    public Duration alignToNextMinute(Duration into) {
        Instant now = Instant.parse(clock().get("now").asString());
        Instant target =
                now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES).plus(into);
        JsonNode moved = calls.send(
                        "POST",
                        "/_desk/clock/advance",
                        "{\"advance_ms\":" + Duration.between(now, target).toMillis() + "}",
                        200)
                .get("clock");
        return Duration.ofMillis(moved.get("offset_ms").asLong());
    }

    private JsonNode clock() {
        return calls.send("GET", "/_desk/clock", null, 200).get("clock");
    }
}
