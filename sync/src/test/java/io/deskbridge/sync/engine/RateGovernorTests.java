package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.zendesk.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateGovernorTests {

    static final String ACCOUNT = "https://acme.zendesk.com";
    static final Instant T0 = Instant.parse("2026-11-28T10:00:30Z");

    private final FakeTime time = new FakeTime(T0);

    private static RateLimits limits(long accountLimit, long accountRemaining, long exportRemaining, long resets) {
        return new RateLimits(
                new RateLimits.Window(accountLimit, accountRemaining, resets),
                Map.of(RateLimits.INCREMENTAL_EXPORTS, new RateLimits.Window(10, exportRemaining, resets)),
                OptionalLong.empty());
    }

    @Nested
    class WithTheWholeBudget {

        private final RateGovernor governor = new RateGovernor(1.0, time, time);

        @Test
        void shouldGoAheadAtOnceBeforeAnyAnswerWasSeen() {
            assertThat(governor.acquire(ACCOUNT, true)).isZero();
            assertThat(time.sleeps).isEmpty();
        }

        @Test
        void shouldUseTheExportWindowToItsLastRequestAndThenWaitExactlyUntilItResets() {
            for (int remaining = 9; remaining >= 0; remaining--) {
                assertThat(governor.acquire(ACCOUNT, true)).isZero();
                governor.observe(ACCOUNT, true, 200, limits(200, 190 + remaining, remaining, 30), time.instant());
            }
            Duration waited = governor.acquire(ACCOUNT, true);

            assertThat(waited).isEqualTo(Duration.ofSeconds(30));
            assertThat(time.instant()).isEqualTo(T0.plusSeconds(30));
        }

        @Test
        void shouldTakeTheEarliestResetAnyAnswerOfTheWindowAllowed() {
            governor.observe(ACCOUNT, true, 200, limits(200, 199, 1, 30), time.instant());
            time.advance(Duration.ofMillis(700));
            // Rounded up at serve time, 0.7 s later: the window ends at most 29.7 s from now.
            governor.observe(ACCOUNT, true, 200, limits(200, 198, 0, 29), time.instant());

            Duration waited = governor.acquire(ACCOUNT, true);

            assertThat(waited).isEqualTo(Duration.ofMillis(29_000));
            assertThat(time.instant()).isEqualTo(T0.plusMillis(29_700));
        }

        @Test
        void shouldNotCountTheExportWindowForOtherRequests() {
            governor.observe(ACCOUNT, true, 200, limits(200, 150, 0, 40), time.instant());

            assertThat(governor.acquire(ACCOUNT, false)).isZero();
        }

        @Test
        void shouldCountRequestsInFlightSoConcurrentStreamsDoNotAllSpendTheLastOne() {
            governor.observe(ACCOUNT, true, 200, limits(200, 150, 2, 40), time.instant());

            assertThat(governor.acquire(ACCOUNT, true)).isZero();
            assertThat(governor.acquire(ACCOUNT, true)).isZero();
            assertThat(governor.acquire(ACCOUNT, true)).isEqualTo(Duration.ofSeconds(40));
        }

        @Test
        void shouldWaitForRetryAfterOnA429() {
            RateLimits limited = new RateLimits(new RateLimits.Window(200, 0, 12), Map.of(), OptionalLong.of(12));
            governor.observe(ACCOUNT, false, 429, limited, time.instant());

            assertThat(governor.acquire(ACCOUNT, false)).isEqualTo(Duration.ofSeconds(12));
        }

        @Test
        void shouldWaitAMinuteOnA429WithoutRetryAfter() {
            governor.observe(ACCOUNT, false, 429, new RateLimits(null, Map.of(), OptionalLong.empty()), time.instant());

            assertThat(governor.acquire(ACCOUNT, false)).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void shouldKeepAccountsApart() {
            governor.observe(ACCOUNT, true, 200, limits(200, 0, 0, 40), time.instant());

            assertThat(governor.acquire("https://other.zendesk.com", true)).isZero();
        }
    }

    @Nested
    class WithHalfTheBudget {

        private RateGovernor governor = new RateGovernor(0.5, time, time);

        @Test
        void shouldLeaveHalfOfTheAccountWindowToOthers() {
            governor.observe(ACCOUNT, false, 200, limits(200, 101, 10, 20), time.instant());
            assertThat(governor.acquire(ACCOUNT, false)).isZero();
            // 100 remaining = the half that is not ours.
            assertThat(governor.acquire(ACCOUNT, false)).isEqualTo(Duration.ofSeconds(20));
        }

        @Test
        void shouldUseHalfOfTheExportWindow() {
            governor.observe(ACCOUNT, true, 200, limits(200, 199, 6, 50), time.instant());
            assertThat(governor.acquire(ACCOUNT, true)).isZero();
            assertThat(governor.acquire(ACCOUNT, true)).isEqualTo(Duration.ofSeconds(50));
        }

        @Test
        void shouldAlwaysAllowOneRequestPerWindowEvenForATinyShare() {
            RateGovernor tiny = new RateGovernor(0.01, time, time);
            tiny.observe(ACCOUNT, true, 200, limits(200, 199, 10, 50), time.instant());

            assertThat(tiny.acquire(ACCOUNT, true)).isZero();
            assertThat(tiny.acquire(ACCOUNT, true)).isEqualTo(Duration.ofSeconds(50));
        }

        @Test
        void shouldLetOnlyTheFirstRequestGoUntilItsAnswerSoTheShareHoldsInTheFirstWindow() {
            // Four streams start at once; the first request's answer arrives while the second waits.
            Sleeper answerArrives = new Sleeper() {
                private boolean answered;

                @Override
                public void sleep(Duration duration) {
                    time.sleep(duration);
                    if (!answered) {
                        answered = true;
                        governor.observe(ACCOUNT, true, 200, limits(200, 199, 9, 30), time.instant());
                    }
                }
            };
            RateGovernor startingTogether = new RateGovernor(0.5, time, answerArrives);
            governor = startingTogether;

            assertThat(startingTogether.acquire(ACCOUNT, true)).isZero();
            assertThat(startingTogether.acquire(ACCOUNT, true)).isEqualTo(RateGovernor.PROBE_POLL);
            int withoutWaiting = 0;
            while (withoutWaiting < 10
                    && startingTogether.acquire(ACCOUNT, true).isZero()) {
                withoutWaiting++;
            }
            // 1 + 1 + 3 = the 5 requests of the half share, then the wait for the reset.
            assertThat(withoutWaiting).isEqualTo(3);
            assertThat(time.instant()).isEqualTo(T0.plusMillis(50).plusSeconds(30));
        }

        @Test
        void shouldLetTheOthersGoWhenTheFirstRequestGetsNoAnswer() {
            assertThat(governor.acquire(ACCOUNT, true)).isZero();

            assertThat(governor.acquire(ACCOUNT, true)).isEqualTo(RateGovernor.PROBE_TIMEOUT);
            assertThat(governor.acquire(ACCOUNT, true)).isZero();
        }

        @Test
        void shouldNotHoldAnythingBackWhenPacingByRetryAfterOnly() {
            RateGovernor unpaced = new RateGovernor(0.5, RatePacing.RETRY_AFTER_ONLY, time, time);

            assertThat(unpaced.acquire(ACCOUNT, true)).isZero();
            assertThat(unpaced.acquire(ACCOUNT, true)).isZero();
        }

        @Test
        void shouldTreatAWindowAsFullAgainOnceItReset() {
            governor.observe(ACCOUNT, true, 200, limits(200, 199, 5, 10), time.instant());
            time.advance(Duration.ofSeconds(11));

            assertThat(governor.acquire(ACCOUNT, true)).isZero();
            assertThat(governor.window(ACCOUNT, true).remaining()).isEqualTo(9);
        }
    }

    @Test
    void shouldComputeTheReserveFromTheShare() {
        assertThat(RateGovernor.Window.reserve(10, 1.0)).isZero();
        assertThat(RateGovernor.Window.reserve(10, 0.5)).isEqualTo(5);
        assertThat(RateGovernor.Window.reserve(700, 0.5)).isEqualTo(350);
        assertThat(RateGovernor.Window.reserve(10, 0.01)).isEqualTo(9);
        assertThat(RateGovernor.Window.reserve(10, 0.3)).isEqualTo(7);
    }
}
