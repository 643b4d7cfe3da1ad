package io.deskbridge.desk.operability;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Health, liveness, readiness and the Prometheus page on the management port (a port of its own,
 * random in tests), without sign-in, on the shared test desk.
 */
class ManagementEndpointsIntegrationTests extends DeskIntegrationTest {

    private static final Pattern UNAUTHORIZED_COUNT =
            Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*} ([0-9.E]+)$");

    @LocalManagementPort
    int managementPort;

    private DeskClient management;

    @BeforeEach
    void managementClient() {
        management = DeskClient.stateless("http://127.0.0.1:" + managementPort);
    }

    @Nested
    class Probes {

        @Test
        void shouldReportLiveWithoutSignIn() {
            Response live = management.get("/actuator/health/liveness", null);

            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().path("status").asString()).isEqualTo("UP");
        }

        @Test
        void shouldReportReadyWhenTheDatabaseAnswers() {
            Response ready = management.get("/actuator/health/readiness", null);

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("status").asString()).isEqualTo("UP");
            assertThat(ready.json().path("components").path("db").path("status").asString())
                    .isEqualTo("UP");
            assertThat(ready.json()
                            .path("components")
                            .path("readinessState")
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
        }

        @Test
        void shouldNotServeTheManagementEndpointsOnTheApiPort() {
            assertThat(api.get("/actuator/health", null).status()).isNotEqualTo(200);
            assertThat(api.get("/actuator/prometheus", null).status()).isNotEqualTo(200);
        }
    }

    @Nested
    class Prometheus {

        @Test
        void shouldListTheFiguresAnOperatorWatches() {
            Response page = management.get("/actuator/prometheus", null);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/plain");
            assertThat(page.body())
                    .contains("http_server_requests_seconds_count{")
                    .contains("desk_ratelimit_refused_total{budget=\"requests\"")
                    .contains("desk_ratelimit_refused_total{budget=\"exports\"")
                    .contains("desk_webhooks_pending ")
                    .contains("desk_webhooks_attempts_total{outcome=\"success\"")
                    .contains("desk_webhooks_attempts_total{outcome=\"retryable_failure\"")
                    .contains("desk_webhooks_delivery_latency_seconds_count ")
                    .contains("hikaricp_connections_active");
        }

        @Test
        void shouldCountRefusedRequestsByStatus() {
            double before =
                    unauthorized(management.get("/actuator/prometheus", null).body());

            assertThat(api.get("/api/v2/tickets", null).status()).isEqualTo(401);
            assertThat(api.get("/api/v2/tickets", null).status()).isEqualTo(401);

            double after =
                    unauthorized(management.get("/actuator/prometheus", null).body());
            assertThat(after - before).isEqualTo(2.0);
        }

        /** The sum of http_server_requests_seconds_count over every series with status 401. */
        private double unauthorized(String page) {
            Matcher m = UNAUTHORIZED_COUNT.matcher(page);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return sum;
        }
    }
}
