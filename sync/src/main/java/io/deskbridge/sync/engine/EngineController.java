package io.deskbridge.sync.engine;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sync engine's REST API (runs, streams, pause/resume, schedule, synced tickets, status). */
@RestController
class EngineController {

    private final SyncEngine engine;
    private final Connections connections;
    private final JsonMapper json = JsonMapper.builder().build();

    EngineController(SyncEngine engine, Connections connections) {
        this.engine = engine;
        this.connections = connections;
    }

    /** {@code {"sync": {"streams": [..]}}}, all optional. */
    record SyncRequest(SyncBody sync) {}

    record SyncBody(List<String> streams) {}

    @PostMapping("/api/connections/{id}/syncs")
    ResponseEntity<Map<String, Object>> sync(@PathVariable long id, @RequestBody(required = false) SyncRequest body) {
        List<StreamName> streams = new ArrayList<>();
        if (body != null && body.sync() != null && body.sync().streams() != null) {
            for (String name : body.sync().streams()) {
                streams.add(StreamName.fromWire(name)
                        .orElseThrow(() -> new RecordInvalidException(
                                "streams",
                                "InvalidValue",
                                "Streams: \"" + name + "\" is not a stream; the streams are "
                                        + Stream.of(StreamName.values())
                                                .map(StreamName::wireName)
                                                .collect(Collectors.joining(", ")))));
            }
        }
        List<SyncRun> runs = engine.requestSync(id, streams);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("runs", runs.stream().map(EngineController::run).toList()));
    }

    @GetMapping("/api/runs/{id}")
    Map<String, Object> run(@PathVariable long id) {
        return Map.of("run", run(engine.run(id)));
    }

    @GetMapping("/api/connections/{id}/runs")
    Map<String, Object> runs(@PathVariable long id) {
        return Map.of(
                "runs", engine.runs(id).stream().map(EngineController::run).toList());
    }

    @GetMapping("/api/connections/{id}/streams")
    Map<String, Object> streams(@PathVariable long id) {
        return Map.of(
                "streams",
                engine.streams(id).stream().map(EngineController::stream).toList());
    }

    @PostMapping("/api/connections/{id}/pause")
    Map<String, Object> pause(@PathVariable long id) {
        engine.pause(id);
        return Map.of("connection", connection(connections.get(id), engine.paused(id)));
    }

    @PostMapping("/api/connections/{id}/resume")
    Map<String, Object> resume(@PathVariable long id) {
        engine.resume(id);
        return Map.of("connection", connection(connections.get(id), engine.paused(id)));
    }

    /** {@code {"schedule": {"enabled": true, "interval_minutes": 15}}}. */
    record ScheduleRequest(ScheduleBody schedule) {}

    record ScheduleBody(Boolean enabled, Integer intervalMinutes) {}

    @PutMapping("/api/connections/{id}/schedule")
    Map<String, Object> schedule(@PathVariable long id, @RequestBody(required = false) ScheduleRequest body) {
        if (body == null || body.schedule() == null || body.schedule().enabled() == null) {
            throw new RecordInvalidException(
                    "schedule",
                    "BlankValue",
                    "Schedule: send {\"schedule\": {\"enabled\": true|false, \"interval_minutes\": 1..10080}}");
        }
        SyncSchedule schedule = engine.setSchedule(
                id, body.schedule().enabled(), body.schedule().intervalMinutes());
        return Map.of("schedule", schedule(schedule));
    }

    @GetMapping("/api/connections/{id}/schedule")
    Map<String, Object> showSchedule(@PathVariable long id) {
        return Map.of("schedule", schedule(engine.schedule(id)));
    }

    @GetMapping("/api/connections/{id}/tickets")
    Map<String, Object> tickets(
            @PathVariable long id,
            @RequestParam(required = false) String query,
            @RequestParam(name = "page[size]", required = false) String size,
            @RequestParam(name = "page[after]", required = false) String after) {
        Integer pageSize = null;
        if (size != null && !size.isBlank()) {
            try {
                pageSize = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                throw new RecordInvalidException(
                        "page[size]", "InvalidValue", "page[size] must be a whole number from 1 to 100; it is " + size);
            }
        }
        SyncedTicketsPage page = engine.tickets(id, query, pageSize, after);
        List<JsonNode> tickets =
                page.tickets().stream().map(t -> json.readTree(t.json())).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("has_more", page.hasMore());
        meta.put("after_cursor", page.afterCursor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tickets", tickets);
        body.put("meta", meta);
        body.put("count", page.count());
        return body;
    }

    @GetMapping("/api/status")
    Map<String, Object> status() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ConnectionSyncStatus c : engine.status()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("paused", c.paused());
            m.put("streams", c.streams().stream().map(EngineController::stream).toList());
            list.add(m);
        }
        return Map.of("status", Map.of("connections", list));
    }

    static Map<String, Object> run(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("connection_id", r.connectionId());
        m.put("stream", r.stream().wireName());
        m.put("trigger", r.trigger().wireName());
        m.put("state", r.state().wireName());
        m.put("queued_at", r.queuedAt());
        m.put("started_at", r.startedAt());
        m.put("finished_at", r.finishedAt());
        m.put("records", r.records());
        m.put("pages", r.pages());
        m.put("requests", r.requests());
        m.put("rate_limited", r.rateLimited());
        m.put("waited_seconds", r.waitedSeconds());
        m.put("records_per_second", r.recordsPerSecond());
        m.put("progress", r.progress());
        m.put("eta_seconds", r.etaSeconds());
        m.put("cursor_time", r.cursorTime());
        m.put("error", r.error());
        return m;
    }

    static Map<String, Object> stream(StreamStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name().wireName());
        m.put("state", s.state());
        m.put("records", s.records());
        m.put("cursor_time", s.cursorTime());
        m.put("lag_seconds", s.lagSeconds());
        m.put("last_run", s.lastRun() == null ? null : run(s.lastRun()));
        m.put("last_error", s.lastError());
        m.put(
                "records_per_minute",
                s.recordsPerMinute().stream()
                        .map(c -> Map.of("minute", c.minute(), "records", c.records()))
                        .toList());
        return m;
    }

    static Map<String, Object> schedule(SyncSchedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connection_id", s.connectionId());
        m.put("enabled", s.enabled());
        m.put("interval_minutes", s.intervalMinutes());
        m.put("next_run_at", s.nextRunAt());
        return m;
    }

    /** The connection as {@code /api/connections/{id}} shows it, plus {@code paused}. */
    static Map<String, Object> connection(Connection c, boolean paused) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("address", c.address().toString());
        m.put("zendesk_cloud", c.address().zendeskCloud());
        m.put("state", c.state().wireName());
        m.put("credential_version", c.credentialVersion());
        m.put("auth_type", c.authType() == null ? null : c.authType().wireName());
        m.put("auth_identity", c.authIdentity());
        m.put("credentials_received_at", c.credentialsReceivedAt());
        m.put("created_at", c.createdAt());
        m.put("updated_at", c.updatedAt());
        m.put("paused", paused);
        return m;
    }
}
