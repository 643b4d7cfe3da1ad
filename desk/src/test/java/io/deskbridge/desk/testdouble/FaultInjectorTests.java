package io.deskbridge.desk.testdouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.testdouble.FaultInjector.Fault;
import io.deskbridge.desk.testdouble.FaultInjector.FaultRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultInjectorTests {

    private final FaultInjector faults =
            new FaultInjector(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    @Nested
    class Matching {

        @Test
        void shouldAnswerOnlyTheNextTimesRequestsThenLetThemThrough() {
            faults.add(new FaultRequest("GET", "/api/v2/tickets/**", 503, null, null, 2));

            assertThat(faults.take("GET", "/api/v2/tickets/7.json"))
                    .map(Fault::status)
                    .contains(503);
            assertThat(faults.take("GET", "/api/v2/tickets/8"))
                    .map(Fault::remaining)
                    .contains(0);
            assertThat(faults.take("GET", "/api/v2/tickets/9")).isEmpty();
            assertThat(faults.injected())
                    .extracting(FaultInjector.InjectedFault::path)
                    .containsExactly("/api/v2/tickets/7", "/api/v2/tickets/8");
        }

        @Test
        void shouldIgnoreOtherMethodsAndPathsAndTheJsonSuffix() {
            faults.add(new FaultRequest("post", "/api/v2/tickets.json", 429, null, null, 1));

            assertThat(faults.take("GET", "/api/v2/tickets")).isEmpty();
            assertThat(faults.take("POST", "/api/v2/users")).isEmpty();
            assertThat(faults.take("POST", "/api/v2/tickets"))
                    .map(Fault::retryAfter)
                    .contains(1);
        }

        @Test
        void shouldUseRulesInTheOrderTheyWereAdded() {
            faults.add(new FaultRequest(null, "/api/**", 503, null, null, 1));
            faults.add(new FaultRequest(null, "/api/**", 429, 5, null, 1));

            assertThat(faults.take("GET", "/api/v2/x")).map(Fault::status).contains(503);
            assertThat(faults.take("GET", "/api/v2/x")).map(Fault::status).contains(429);
            faults.clear();
            assertThat(faults.faults()).isEmpty();
            assertThat(faults.injected()).isEmpty();
        }
    }

    @Nested
    class Refusing {

        @Test
        void shouldRefuseAFaultThatDoesNothing() {
            assertThatThrownBy(() -> faults.add(new FaultRequest(null, "/api/**", null, null, 0, 1)))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("A fault needs a status (429, 500, 502, 503), a delay_ms, or both");
        }

        @Test
        void shouldRefuseAPathUnderTheTestDoubleItself() {
            assertThatThrownBy(() -> faults.add(new FaultRequest(null, "/_desk/reset", 500, null, null, 1)))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("path is an Ant-style pattern starting with '/' (like /api/v2/tickets/**), outside"
                            + " /_desk/; got '/_desk/reset'");
        }

        @Test
        void shouldRefuseZeroTimes() {
            assertThatThrownBy(() -> faults.add(new FaultRequest(null, "/api/**", 500, null, null, 0)))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("times is 1 to 100000; got 0");
        }
    }
}
