package io.deskbridge.sync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.console.SyncedDesk;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of every REST operation, field by field and in order: what scripts and the CLI read. Pins
 * the wire so the records behind it can change without the clients noticing.
 */
class WireShapesIntegrationTests extends SyncIntegrationTest {

    private static final String[] CONNECTION = {
        "id",
        "name",
        "address",
        "zendesk_cloud",
        "state",
        "credential_version",
        "auth_type",
        "auth_identity",
        "credentials_received_at",
        "created_at",
        "updated_at"
    };

    private static final String[] REQUEST_LINK = {
        "id",
        "connection_id",
        "status",
        "created_by",
        "created_at",
        "expires_at",
        "used_at",
        "used_from_ip",
        "revoked_at"
    };

    private static final String[] RUN = {
        "id",
        "connection_id",
        "stream",
        "trigger",
        "state",
        "queued_at",
        "started_at",
        "finished_at",
        "records",
        "pages",
        "requests",
        "rate_limited",
        "waited_seconds",
        "records_per_second",
        "progress",
        "eta_seconds",
        "cursor_time",
        "error",
        "wait_reason",
        "wait_until",
        "retries",
        "last_retry_error"
    };

    private static final String[] STREAM = {
        "name", "state", "records", "cursor_time", "lag_seconds", "last_run", "last_error", "records_per_minute"
    };

    private static final String[] SCHEDULE = {"connection_id", "enabled", "interval_minutes", "next_run_at"};

    @Autowired
    private SyncEngine engine;

    private SyncedDesk desk;

    @BeforeAll
    void syncADesk() {
        desk = SyncedDesk.syncedOnce(connections, engine);
    }

    private long id() {
        return desk.connection.id();
    }

    private JsonNode ok(int status, Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return response.json();
    }

    private JsonNode get(String path) {
        return ok(200, api.get(path, operatorAuth()));
    }

    private JsonNode send(int status, String method, String path, Object body) {
        return ok(status, api.send(method, path, operatorAuth(), body == null ? null : SyncClient.json(body)));
    }

    private static void assertFields(JsonNode object, String... fields) {
        assertThat(object.isObject()).as(String.valueOf(object)).isTrue();
        assertThat(object.propertyNames()).as(object.toString()).containsExactly(fields);
    }

    private static String[] plus(String[] fields, String... more) {
        String[] all = new String[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    @Nested
    class Connections {

        @Test
        void shouldAnswerCreateWithTheConnectionAndItsUnsetFieldsAsNull() {
            String subdomain = "wire-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode body = send(
                    201,
                    "POST",
                    "/api/connections",
                    Map.of("connection", Map.of("name", "Wire", "address", subdomain)));

            assertFields(body, "connection", "warnings");
            assertFields(body.get("connection"), CONNECTION);
            assertThat(body.get("warnings").isArray()).isTrue();
            assertThat(body.get("warnings").size()).isZero();
            assertThat(body.get("connection").get("auth_type").isNull()).isTrue();
            assertThat(body.get("connection").get("auth_identity").isNull()).isTrue();
            assertThat(body.get("connection").get("created_at").asString()).endsWith("Z");
        }

        @Test
        void shouldListAndShowConnectionsInTheSameShape() {
            JsonNode list = get("/api/connections");
            assertFields(list, "connections");
            list.get("connections").forEach(c -> assertFields(c, CONNECTION));

            JsonNode show = get("/api/connections/" + id());
            assertFields(show, "connection");
            assertFields(show.get("connection"), CONNECTION);
            assertThat(show.get("connection").get("auth_type").asString()).isEqualTo("api_token");
            assertThat(show.get("connection").get("credential_version").asInt()).isEqualTo(1);
        }
    }

    @Nested
    class RequestLinks {

        @Test
        void shouldShowTheUrlOnlyWhenCreated() {
            Connection connection = newConnection();
            JsonNode created = send(201, "POST", "/api/connections/" + connection.id() + "/request-links", null);
            assertFields(created, "request_link");
            assertFields(created.get("request_link"), plus(REQUEST_LINK, "url"));
            assertThat(created.get("request_link").get("status").asString()).isEqualTo("open");

            JsonNode list = get("/api/connections/" + connection.id() + "/request-links");
            assertFields(list, "request_links");
            assertThat(list.get("request_links")).hasSize(1);
            assertFields(list.get("request_links").get(0), REQUEST_LINK);
        }
    }

    @Nested
    class Diagnostics {

        @Test
        void shouldAnswerTheRunAndTheStoredReportInOneShape() {
            JsonNode run = send(200, "POST", "/api/connections/" + id() + "/diagnostics", null);
            assertFields(run, "diagnostics");
            assertFields(run.get("diagnostics"), "connection_id", "verdict", "checked_at", "checks");
            run.get("diagnostics")
                    .get("checks")
                    .forEach(c -> assertFields(c, "key", "title", "status", "observed", "fix"));

            JsonNode stored = get("/api/connections/" + id() + "/diagnostics");
            assertThat(stored).isEqualTo(run);
        }
    }

    @Nested
    class Engine {

        @Test
        void shouldAnswerASyncRequestWithTheQueuedRuns() {
            Connection another = desk.another(connections, "Wire sync " + desk.marker);
            JsonNode body = send(
                    202,
                    "POST",
                    "/api/connections/" + another.id() + "/syncs",
                    Map.of("sync", Map.of("streams", List.of("users"))));

            assertFields(body, "runs");
            assertThat(body.get("runs")).hasSize(1);
            assertFields(body.get("runs").get(0), RUN);
            assertThat(body.get("runs").get(0).get("stream").asString()).isEqualTo("users");
            assertThat(body.get("runs").get(0).get("trigger").asString()).isEqualTo("manual");
        }

        @Test
        void shouldShowRunsOneByOneAndPerConnection() {
            JsonNode runs = get("/api/connections/" + id() + "/runs");
            assertFields(runs, "runs");
            assertThat(runs.get("runs")).isNotEmpty();
            runs.get("runs").forEach(r -> assertFields(r, RUN));

            long runId = runs.get("runs").get(0).get("id").asLong();
            JsonNode run = get("/api/runs/" + runId);
            assertFields(run, "run");
            assertFields(run.get("run"), RUN);
            assertThat(run.get("run").get("state").asString()).isEqualTo("succeeded");
        }

        @Test
        void shouldShowStreamsWithTheirLastRunAndRecordsPerMinute() {
            JsonNode streams = get("/api/connections/" + id() + "/streams");
            assertFields(streams, "streams");
            assertThat(streams.get("streams")).hasSize(4);
            JsonNode tickets = streams.get("streams").get(0);
            assertFields(tickets, STREAM);
            assertFields(tickets.get("last_run"), RUN);
            assertThat(tickets.get("records_per_minute")).isNotEmpty();
            tickets.get("records_per_minute")
                    .forEach(m -> assertThat(m.propertyNames()).containsExactlyInAnyOrder("minute", "records"));
        }

        @Test
        void shouldAnswerPauseAndResumeWithTheConnectionAndPaused() {
            Connection fresh = newConnection();
            JsonNode paused = send(200, "POST", "/api/connections/" + fresh.id() + "/pause", null);
            assertFields(paused, "connection");
            assertFields(paused.get("connection"), plus(CONNECTION, "paused"));
            assertThat(paused.get("connection").get("paused").asBoolean()).isTrue();

            JsonNode resumed = send(200, "POST", "/api/connections/" + fresh.id() + "/resume", null);
            assertFields(resumed.get("connection"), plus(CONNECTION, "paused"));
            assertThat(resumed.get("connection").get("paused").asBoolean()).isFalse();
        }

        @Test
        void shouldAnswerTheScheduleAsSetAndAsRead() {
            Connection fresh = newConnection();
            JsonNode set = send(
                    200,
                    "PUT",
                    "/api/connections/" + fresh.id() + "/schedule",
                    Map.of("schedule", Map.of("enabled", true, "interval_minutes", 30)));
            assertFields(set, "schedule");
            assertFields(set.get("schedule"), SCHEDULE);
            assertThat(set.get("schedule").get("interval_minutes").asInt()).isEqualTo(30);

            JsonNode read = get("/api/connections/" + fresh.id() + "/schedule");
            assertFields(read, "schedule");
            assertFields(read.get("schedule"), SCHEDULE);
            assertThat(read.get("schedule").get("interval_minutes").asInt()).isEqualTo(30);
        }

        @Test
        void shouldServeSyncedTicketsAsReceivedWithCursorMeta() {
            JsonNode page = get("/api/connections/" + id() + "/tickets?query=" + desk.marker + "&page%5Bsize%5D=2");
            assertFields(page, "tickets", "meta", "count");
            assertFields(page.get("meta"), "has_more", "after_cursor");
            assertThat(page.get("meta").get("has_more").asBoolean()).isTrue();
            assertThat(page.get("count").asLong()).isEqualTo(SyncedDesk.TICKETS);
            assertThat(page.get("tickets")).hasSize(2);
            assertThat(page.get("tickets").get(0).get("subject").asString()).startsWith(desk.marker);
            assertThat(page.get("tickets").get(0).has("custom_fields")).isTrue();
        }

        @Test
        void shouldShowEveryConnectionsStatus() {
            JsonNode status = get("/api/status");
            assertFields(status, "status");
            assertFields(status.get("status"), "connections");
            JsonNode mine = status.get("status")
                    .get("connections")
                    .valueStream()
                    .filter(c -> c.get("id").asLong() == id())
                    .findFirst()
                    .orElseThrow();
            assertFields(mine, "id", "name", "paused", "streams");
            mine.get("streams").forEach(s -> assertFields(s, STREAM));
        }
    }

    @Nested
    class Audit {

        @Test
        void shouldPageTheAuditLog() {
            JsonNode page = get("/api/audit?per_page=1");
            assertFields(page, "audit_log", "next_page", "previous_page", "count");
            assertFields(
                    page.get("audit_log").get(0),
                    "id",
                    "event",
                    "actor_type",
                    "actor",
                    "ip_address",
                    "user_agent",
                    "connection_id",
                    "request_link_id",
                    "description",
                    "created_at");
            assertThat(page.get("previous_page").isNull()).isTrue();
            assertThat(page.get("next_page").asString()).endsWith("/api/audit?per_page=1&page=2");
        }
    }

    @Nested
    class Errors {

        @Test
        void shouldAnswerNotFoundWithErrorAndDescription() {
            Response response = api.get("/api/connections/987654321", operatorAuth());
            assertThat(response.status()).isEqualTo(404);
            assertFields(response.json(), "error", "description");
        }

        @Test
        void shouldAnswerInvalidWithDetailsPerField() {
            Response response = api.send("PUT", "/api/connections/" + id() + "/schedule", operatorAuth(), "{}");
            assertThat(response.status()).isEqualTo(422);
            assertFields(response.json(), "error", "description", "details");
            assertFields(response.json().get("details"), "schedule");
            assertFields(response.json().get("details").get("schedule").get(0), "error", "description");
        }

        @Test
        void shouldAnswerUnauthenticatedWithTheErrorAndWhatToSend() {
            Response response = api.get("/api/connections");
            assertThat(response.status()).isEqualTo(401);
            assertFields(response.json(), "error", "description");
        }
    }
}
