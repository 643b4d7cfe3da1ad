package io.deskbridge.desk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RelativeTimeTests {

    private static final Instant NOW = Instant.parse("2026-12-06T21:50:07Z");
    private final RelativeTime time = new RelativeTime(Clock.fixed(NOW, ZoneOffset.UTC));

    @Nested
    class Relative {

        @Test
        void shouldSayJustNowUnder45Seconds() {
            assertThat(time.relative(NOW)).isEqualTo("just now");
            assertThat(time.relative(NOW.minusSeconds(44))).isEqualTo("just now");
            assertThat(time.relative(NOW.plusSeconds(10))).isEqualTo("just now");
        }

        @Test
        void shouldCountMinutesHoursAndDays() {
            assertThat(time.relative(NOW.minusSeconds(45))).isEqualTo("1 minute ago");
            assertThat(time.relative(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 minutes ago");
            assertThat(time.relative(NOW.minus(Duration.ofMinutes(89)))).isEqualTo("89 minutes ago");
            assertThat(time.relative(NOW.minus(Duration.ofMinutes(90)))).isEqualTo("2 hours ago");
            assertThat(time.relative(NOW.minus(Duration.ofHours(35)))).isEqualTo("35 hours ago");
            assertThat(time.relative(NOW.minus(Duration.ofHours(36)))).isEqualTo("2 days ago");
            assertThat(time.relative(NOW.minus(Duration.ofDays(29)))).isEqualTo("29 days ago");
        }

        @Test
        void shouldSayInForTheFuture() {
            assertThat(time.relative(NOW.plus(Duration.ofHours(3)))).isEqualTo("in 3 hours");
        }

        @Test
        void shouldShowTheDateFrom30DaysOn() {
            assertThat(time.relative(NOW.minus(Duration.ofDays(30)))).isEqualTo("on 2026-11-06");
        }

        @Test
        void shouldShowNothingForNoTime() {
            assertThat(time.relative(null)).isEmpty();
        }
    }

    @Test
    void shouldGiveTheExactTimeInUtc() {
        assertThat(time.exact(NOW)).isEqualTo("2026-12-06 21:50:07 UTC");
        assertThat(time.exact(null)).isEmpty();
    }
}
