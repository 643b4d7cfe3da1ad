package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.OversizedZendesk;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10: a listener posing as Zendesk answers every request with a JSON body that never ends. sync
 * reads the first 32 MiB ({@code sync.zendesk.max-response-size}'s default), closes the connection,
 * fails the run (or the diagnostics check) with the limit, the path and the fix, and goes on serving.
 * Before, it buffered the whole body and died of OutOfMemoryError.
 */
class OversizedAnswerIntegrationTests extends SyncIntegrationTest {

    private static final String FIX = "A Zendesk answer is far smaller: check that the connection's address is the "
            + "Zendesk account's own (or your Zendesk-compatible server's); if it is, raise "
            + "SYNC_ZENDESK_MAX_RESPONSE_SIZE and restart sync.";

    private OversizedZendesk zendesk;

    @BeforeAll
    void startListener() {
        zendesk = OversizedZendesk.start(OversizedZendesk.Shape.ENDLESS);
    }

    @AfterAll
    void stopListener() {
        zendesk.close();
    }

    private long connection() {
        Connection connection = connections.create(
                new NewConnection("Oversized " + UUID.randomUUID().toString().substring(0, 8), zendesk.baseUrl()),
                Actor.system());
        connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential("admin@acme.test", newApiToken()),
                new CredentialSource("the oversized-answer test", null),
                Actor.system());
        return connection.id();
    }

    @Nested
    class SyncRun {

        @Test
        void shouldFailTheRunNamingTheLimitThePathAndTheFixAndKeepServing() {
            long id = connection();

            Response queued = api.send(
                    "POST",
                    "/api/connections/" + id + "/syncs",
                    operatorAuth(),
                    SyncClient.json(Map.of("sync", Map.of("streams", java.util.List.of("tickets")))));
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            long runId = queued.json().get("runs").get(0).get("id").asLong();

            JsonNode run = await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> api.get("/api/runs/" + runId, operatorAuth())
                                    .json()
                                    .get("run"),
                            r -> !Set.of("queued", "running")
                                    .contains(r.get("state").asString()));
            String error = "tickets: The answer to GET /api/v2/incremental/tickets/cursor.json is larger than sync's "
                    + "limit of 32 MiB (sync.zendesk.max-response-size): sync stopped reading after the first 32 MiB "
                    + "and closed the connection. " + FIX;
            assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("failed");
            assertThat(run.get("error").asString()).isEqualTo(error);
            assertThat(run.get("records").asLong()).isZero();

            JsonNode tickets = StreamSupport.stream(
                            api.get("/api/connections/" + id + "/streams", operatorAuth())
                                    .json()
                                    .get("streams")
                                    .spliterator(),
                            false)
                    .filter(s -> s.get("name").asString().equals("tickets"))
                    .findFirst()
                    .orElseThrow();
            assertThat(tickets.get("state").asString()).isEqualTo("failed");
            assertThat(tickets.get("last_error").asString()).isEqualTo(error);

            assertThat(zendesk.answers())
                    .filteredOn(a -> a.path().equals("/api/v2/incremental/tickets/cursor.json"))
                    .as("one request, not retried, cut off by sync well before the listener's 512 MiB")
                    .singleElement()
                    .satisfies(answer -> {
                        assertThat(answer.clientHungUp()).isTrue();
                        assertThat(answer.bytesWritten()).isLessThan(OversizedZendesk.CAP);
                    });

            Response list = api.get("/api/connections", operatorAuth());
            assertThat(list.status()).as("sync still answers").isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + id);

            SyncClient browser = SyncClient.browser(baseUrl());
            assertThat(browser.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD).status())
                    .isEqualTo(302);
            Response runsPage = browser.get("/connections/" + id + "/runs");
            assertThat(runsPage.status()).isEqualTo(200);
            assertThat(HtmlUtils.htmlUnescape(runsPage.body())).contains(error);
        }
    }

    @Nested
    class DiagnosticsReport {

        @Test
        void shouldFailTheReachableCheckWithWhatWasObservedAndTheFix() {
            long id = connection();

            Response ran = api.send("POST", "/api/connections/" + id + "/diagnostics", operatorAuth(), null);

            assertThat(ran.status()).as(ran.body()).isEqualTo(200);
            JsonNode report = ran.json().get("diagnostics");
            assertThat(report.get("verdict").asString()).isEqualTo("fail");
            JsonNode reachable = StreamSupport.stream(report.get("checks").spliterator(), false)
                    .filter(c -> c.get("key").asString().equals("reachable"))
                    .findFirst()
                    .orElseThrow();
            assertThat(reachable.get("status").asString()).isEqualTo("fail");
            assertThat(reachable.get("observed").asString())
                    .isEqualTo("The answer to GET /api/v2/users/me.json is larger than sync's limit of 32 MiB "
                            + "(sync.zendesk.max-response-size): sync stopped reading after the first 32 MiB and "
                            + "closed the connection. " + FIX);
            assertThat(reachable.get("fix").asString())
                    .isEqualTo("This server answers with more than sync reads from Zendesk in one answer: check "
                            + "that 127.0.0.1 is the Zendesk account's own address; if it is, raise "
                            + "SYNC_ZENDESK_MAX_RESPONSE_SIZE.");
            assertThat(api.get("/api/connections/" + id, operatorAuth()).status())
                    .as("sync still answers")
                    .isEqualTo(200);
        }
    }
}
