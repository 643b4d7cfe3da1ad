package io.deskbridge.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureBudgetsTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void shouldRefuseAKeyOnceItsBudgetIsSpentAndMarkTheBurstOnce() {
        FailureBudgets budgets = new FailureBudgets(3, clock);

        FailureBudgets.Step first = budgets.fail("a");
        budgets.fail("a");
        FailureBudgets.Step third = budgets.fail("a");
        FailureBudgets.Step fourth = budgets.fail("a");

        assertThat(first.firstOfBurst()).isTrue();
        assertThat(third.ranDry()).isTrue();
        assertThat(third.failures()).isEqualTo(3);
        assertThat(fourth.ranDry()).isFalse();
        assertThat(budgets.retryAfterSeconds("a")).isEqualTo(20);
        assertThat(budgets.retryAfterSeconds("b")).isZero();
    }

    @Test
    void shouldTrackNothingUntilTheFirstFailure() {
        FailureBudgets budgets = new FailureBudgets(3, clock);
        assertThat(budgets.tracksNothing()).isTrue();

        budgets.fail("address:192.0.2.1");

        assertThat(budgets.tracksNothing()).isFalse();
    }

    @Test
    void shouldAnswerAnAccountsWaitByItsEmail() {
        FailureBudgets budgets = new FailureBudgets(1, clock);
        assertThat(budgets.retryAfterSecondsForAccount("ada@example.test")).isZero();

        budgets.fail(FailureBudgets.accountKey("Ada@Example.test"));

        assertThat(budgets.retryAfterSecondsForAccount("ada@example.test")).isPositive();
        assertThat(budgets.retryAfterSecondsForAccount("bob@example.test")).isZero();
    }

    @Test
    void shouldRefillOnTheInjectedClock() {
        FailureBudgets budgets = new FailureBudgets(3, clock);
        for (int i = 0; i < 3; i++) {
            budgets.fail("a");
        }

        now = now.plus(Duration.ofSeconds(20));

        assertThat(budgets.retryAfterSeconds("a")).isZero();
    }

    @Test
    void shouldKeyAccountsByADigestOfTheNormalisedEmail() {
        assertThat(FailureBudgets.accountKey(" Ada@Example.TEST "))
                .isEqualTo(FailureBudgets.accountKey("ada@example.test"))
                .doesNotContain("ada");
        assertThat(FailureBudgets.accountKey(" ")).isNull();
        assertThat(FailureBudgets.accountKey(null)).isNull();
    }
}
