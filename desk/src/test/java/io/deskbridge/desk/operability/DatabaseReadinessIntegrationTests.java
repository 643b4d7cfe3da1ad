package io.deskbridge.desk.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecondDesk;
import io.deskbridge.desk.support.TcpRelay;
import io.deskbridge.desk.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Readiness follows PostgreSQL: a second desk instance reaches the test database through a TCP relay
 * that the test cuts, as a stopped server or a broken network would. Its readiness goes DOWN (503)
 * while liveness stays UP (a restart would not help), and is UP again once the database answers.
 * PostgreSQL only: the embedded H2 cannot go away.
 */
@Tag("postgres-only")
class DatabaseReadinessIntegrationTests extends DeskIntegrationTest {

    @Autowired
    Environment environment;

    private TcpRelay relay;
    private SecondDesk desk;

    @BeforeAll
    void deskBehindARelay() throws IOException {
        URI server = URI.create(TestDatabase.POSTGRES_URL.substring("jdbc:".length()));
        relay = new TcpRelay(server.getHost(), server.getPort());
        String url = environment
                .getRequiredProperty("spring.datasource.url")
                .replace("//" + server.getHost() + ":" + server.getPort() + "/", "//127.0.0.1:" + relay.port() + "/");
        assertThat(url).contains(":" + relay.port() + "/");
        desk = SecondDesk.start(
                environment,
                Map.of(
                        "spring.datasource.url", url,
                        "spring.datasource.hikari.maximum-pool-size", "2",
                        // Fail fast while the database is away instead of Hikari's 30 s default.
                        "spring.datasource.hikari.connection-timeout", "1000",
                        "spring.datasource.hikari.validation-timeout", "500"));
    }

    @AfterAll
    void stopDeskAndRelay() {
        if (desk != null) {
            desk.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void shouldGoDownWhenPostgresqlStopsAndUpWhenItReturns() {
        DeskClient management = desk.management();
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        relay.cut();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            management.get("/actuator/health/readiness", null).status() == 503);
            Response down = management.get("/actuator/health/readiness", null);
            assertThat(down.json().path("status").asString()).isEqualTo("DOWN");
            assertThat(down.json().path("components").path("db").path("status").asString())
                    .isEqualTo("DOWN");
            Response live = management.get("/actuator/health/liveness", null);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().path("status").asString()).isEqualTo("UP");
        } finally {
            relay.restore();
        }

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> management.get("/actuator/health/readiness", null).status() == 200);
        Response up = management.get("/actuator/health/readiness", null);
        assertThat(up.json().path("status").asString()).isEqualTo("UP");
        assertThat(up.json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }
}
