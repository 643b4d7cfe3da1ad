package io.deskbridge.desk.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.TcpRelay;
import io.deskbridge.desk.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows PostgreSQL: desk reaches its database through a TCP relay that the test cuts, as
 * a stopped server or a broken network would; readiness goes DOWN (503) while liveness stays UP (a
 * restart would not help), and readiness is UP again once the database answers. PostgreSQL only: the
 * embedded H2 cannot go away.
 */
@Tag("postgres-only")
@DirtiesContext
class DatabaseReadinessIntegrationTests extends DeskIntegrationTest {

    private static TcpRelay relay;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void databaseThroughARelay(DynamicPropertyRegistry registry) throws IOException {
        URI server = URI.create(TestDatabase.POSTGRES_URL.substring("jdbc:".length()));
        relay = new TcpRelay(server.getHost(), server.getPort());
        Map<String, String> database = TestDatabase.fresh();
        String viaRelay = database.get("spring.datasource.url")
                .replace("//" + server.getHost() + ":" + server.getPort() + "/", "//127.0.0.1:" + relay.port() + "/");
        database.forEach(
                (key, value) -> registry.add(key, () -> key.equals("spring.datasource.url") ? viaRelay : value));
        // Fail fast while the database is away instead of Hikari's 30 s default.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "500");
    }

    @AfterAll
    void closeRelay() {
        relay.close();
    }

    @Test
    void shouldGoDownWhenPostgresqlStopsAndUpWhenItReturns() {
        DeskClient management = DeskClient.stateless("http://127.0.0.1:" + managementPort);
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
