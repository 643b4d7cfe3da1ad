package io.deskbridge.desk.operability;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.TokenFormat;
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
                    .contains("desk_api_authentications_total{kind=\"api_token\",outcome=\"success\"")
                    .contains("desk_api_authentications_total{kind=\"oauth_token\",outcome=\"failure\"")
                    .contains("desk_api_authentications_total{kind=\"password\",outcome=\"throttled\"")
                    .contains("desk_api_tokens_verifications_total{outcome=\"valid\"")
                    .contains("desk_api_tokens_verifications_total{outcome=\"expired\"")
                    .contains("desk_api_tokens_rehashes_total ")
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

        @Test
        void shouldCountTokenVerificationsAndFailuresByKind() {
            String good = ownerAuth();
            String unknown = DeskClient.tokenAuth(OWNER_EMAIL, TokenFormat.generate());
            String before = management.get("/actuator/prometheus", null).body();

            assertThat(api.get("/api/v2/users/me", good).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/users/me", unknown).status()).isEqualTo(401);
            assertThat(api.get("/api/v2/users/me", unknown).status()).isEqualTo(401);
            assertThat(api.get("/api/v2/users/me", "Bearer not-a-token").status())
                    .isEqualTo(401);

            String after = management.get("/actuator/prometheus", null).body();
            assertThat(delta(before, after, "desk_api_authentications_total{kind=\"api_token\",outcome=\"success\"}"))
                    .isEqualTo(1.0);
            assertThat(delta(before, after, "desk_api_authentications_total{kind=\"api_token\",outcome=\"failure\"}"))
                    .isEqualTo(2.0);
            assertThat(delta(before, after, "desk_api_authentications_total{kind=\"oauth_token\",outcome=\"failure\"}"))
                    .isEqualTo(1.0);
            assertThat(delta(before, after, "desk_api_tokens_verifications_total{outcome=\"valid\"}"))
                    .isEqualTo(1.0);
            assertThat(delta(before, after, "desk_api_tokens_verifications_total{outcome=\"unknown\"}"))
                    .isEqualTo(2.0);
        }

        /** A series' value on the second page minus the first (0 when a page lacks it). */
        private double delta(String before, String after, String series) {
            return value(after, series) - value(before, series);
        }

        private double value(String page, String series) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E]+)$")
                    .matcher(page);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
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
