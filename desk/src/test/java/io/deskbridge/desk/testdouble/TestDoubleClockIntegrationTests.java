package io.deskbridge.desk.testdouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /_desk/clock}: desk's clock moved forward by a suite (the context of {@link
 * TestDoubleIntegrationTests}, whose test clock stands in for desk's {@link TestDoubleClock}).
 */
@TestPropertySource(
        properties = {"desk.test-double.enabled=true", "desk.test-double.key=" + TestDoubleIntegrationTests.KEY})
class TestDoubleClockIntegrationTests extends DeskIntegrationTest {

    private String ownerAuth;

    @BeforeEach
    void signIn() {
        ownerAuth = ownerAuth();
    }

    @Test
    void shouldMoveDesksClockForwardSoItsWritesAndWindowsFollowAndAuditIt() {
        Response before = api.get("/_desk/clock", ownerAuth);

        Response advanced = api.send("POST", "/_desk/clock/advance", ownerAuth, "{\"advance_ms\":90061000}");
        Response ticket = api.send(
                "POST",
                "/api/v2/tickets.json",
                ownerAuth,
                "{\"ticket\":{\"subject\":\"later\",\"comment\":{\"body\":\"x\"}}}");

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("clock").get("offset_ms").asLong()).isZero();
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        assertThat(advanced.json().get("clock").get("offset_ms").asLong()).isEqualTo(90_061_000L);
        Instant now = Instant.parse(advanced.json().get("clock").get("now").asString());
        assertThat(now)
                .isAfterOrEqualTo(
                        Instant.parse(before.json().get("clock").get("now").asString())
                                .plus(Duration.ofMillis(90_061_000L)));
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(90_061_000L));
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(Instant.parse(ticket.json().get("ticket").get("created_at").asString()))
                .isAfterOrEqualTo(now.minusSeconds(1));
        assertThat(auditEntries("test_double.clock_advanced"))
                .last()
                .satisfies(entry -> assertThat(entry.get("actor_name")).isEqualTo(owner().name()));
    }

    @Test
    void shouldRefuseMovingBackZeroOrAMissingAmountWith400AndLeaveTheClock() {
        for (String body :
                new String[] {"{\"advance_ms\":-1000}", "{\"advance_ms\":0}", "{}", "{\"advance_ms\":\"x\"}"}) {
            Response refused = api.send("POST", "/_desk/clock/advance", ownerAuth, body);

            assertThat(refused.status()).as(body + " → " + refused.body()).isEqualTo(400);
        }
        Response year = api.send("POST", "/_desk/clock/advance", ownerAuth, "{\"advance_ms\":31622400001}");

        assertThat(year.status()).isEqualTo(400);
        assertThat(year.json().get("errors").get(0).get("code").asString()).isEqualTo("InvalidClockAdvance");
        assertThat(clock.offset()).isZero();
    }
}
