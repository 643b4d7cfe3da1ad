package io.deskbridge.sync.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Health, liveness, readiness (database and scheduler) and the Prometheus page on sync's management
 * port (its own port, random in tests), without sign-in, on the shared test sync.
 */
class ManagementEndpointsIntegrationTests extends SyncIntegrationTest {

    @LocalManagementPort
    int managementPort;

    private SyncClient management;

    @BeforeEach
    void managementClient() {
        management = SyncClient.stateless("http://127.0.0.1:" + managementPort);
    }

    @Nested
    class Probes {

        @Test
        void shouldReportLiveWithoutSignIn() {
            Response live = management.get("/actuator/health/liveness");

            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().path("status").asString()).isEqualTo("UP");
        }

        @Test
        void shouldReportReadyWhenTheDatabaseAnswersAndTheSchedulerRuns() {
            Response ready = management.get("/actuator/health/readiness");

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("status").asString()).isEqualTo("UP");
            assertThat(ready.json().path("components").path("db").path("status").asString())
                    .isEqualTo("UP");
            assertThat(ready.json()
                            .path("components")
                            .path("scheduler")
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
        }
    }

    @Nested
    class Prometheus {

        @Test
        void shouldListRecordsSyncedPerStreamAndEachConnectionsLagAndFailure() {
            Connection connection = newConnection();
            assertThat(api.get("/api/connections", operatorAuth()).status()).isEqualTo(200);
            String series = "{connection_id=\"" + connection.id() + "\",stream=\"tickets\"}";

            // A stream's series appears from the scrape after it is first seen (at most 5 s apart).
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> management.get("/actuator/prometheus").body().contains("sync_stream_failed" + series));
            Response page = management.get("/actuator/prometheus");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/plain");
            assertThat(page.body())
                    .contains("sync_records_synced_total{stream=\"tickets\"}")
                    .contains("sync_records_synced_total{stream=\"ticket_comments\"}")
                    .contains("sync_connections ")
                    .contains("sync_operator_authentications_total{outcome=\"success\"}")
                    .contains("sync_operator_authentications_total{outcome=\"failure\"}")
                    .contains("sync_operator_authentications_total{outcome=\"throttled\"}")
                    .contains("sync_stream_failed" + series + " 0.0")
                    .contains("sync_stream_lag_seconds" + series + " NaN")
                    .contains("http_server_requests_seconds_count{");
        }
    }
}
