package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskFaults;
import io.deskbridge.sync.support.DeskProcess;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * sync's export retries against the real desk (the shared one, its own JVM) made to fail on purpose
 * by desk's fault injection (issue 15): no proxy in front of desk, and the failures are Zendesk's own
 * shapes (503 and 429 with {@code Retry-After}). The ExportFetcher unit tests cover every branch
 * against a fake; this proves the same over real HTTP, end to end, in a few seconds.
 */
class ExportFaultsIntegrationTests extends SyncIntegrationTest {

    private static final String TICKETS_EXPORT = "/api/v2/incremental/tickets/cursor";

    private DeskFaults faults;
    private long connectionId;

    @BeforeAll
    void connectToTheSharedDesk() {
        DeskProcess desk = DeskProcess.shared();
        DeskAdmin admin = desk.admin();
        admin.apiAccess(true, false);
        DeskAdmin.IssuedDeskToken token = admin.createToken();
        Connection connection =
                connections.create(new NewConnection("desk with faults", desk.baseUrl()), Actor.system());
        connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()),
                new CredentialSource("the fault-injection test", null),
                Actor.system());
        connectionId = connection.id();
        faults = desk.faults();
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void shouldRetryA503AndWaitOutA429AndFinishTheTicketsRun() {
        faults.clear();
        faults.inject("GET", TICKETS_EXPORT, 503, 1);
        faults.inject("GET", TICKETS_EXPORT, 429, 1);

        JsonNode run = syncTicketsAndWait();

        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("retries").asLong()).as(run.toString()).isEqualTo(1);
        assertThat(run.get("last_retry_error").asString()).as(run.toString()).contains("503");
        assertThat(run.get("rate_limited").asLong()).as(run.toString()).isEqualTo(1);
        JsonNode injected = faults.injected();
        assertThat(injected).hasSize(2);
        assertThat(injected.get(0).get("status").asInt()).isEqualTo(503);
        assertThat(injected.get(1).get("status").asInt()).isEqualTo(429);
        assertThat(injected.get(1).get("path").asString()).isEqualTo(TICKETS_EXPORT);
    }

    /** Syncs only the tickets stream and waits (two minutes at most) for its run to end. */
    private JsonNode syncTicketsAndWait() {
        SyncClient.Response queued = api.send(
                "POST",
                "/api/connections/" + connectionId + "/syncs",
                operatorAuth(),
                "{\"sync\":{\"streams\":[\"tickets\"]}}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        List<Long> ids = new ArrayList<>();
        queued.json().get("runs").forEach(run -> ids.add(run.get("id").asLong()));
        assertThat(ids).hasSize(1);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode run =
                    api.get("/api/runs/" + ids.get(0), operatorAuth()).json().get("run");
            String state = run.get("state").asString();
            if (!state.equals("queued") && !state.equals("running")) {
                return run;
            }
            assertThat(System.nanoTime())
                    .as("the run ends within 2 minutes: " + run)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
