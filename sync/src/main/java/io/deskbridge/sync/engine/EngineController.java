package io.deskbridge.sync.engine;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.ConnectionJson;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.engine.PausedConnectionJson.PausedConnectionBody;
import io.deskbridge.sync.engine.RunJson.RunBody;
import io.deskbridge.sync.engine.RunJson.RunListBody;
import io.deskbridge.sync.engine.RunJson.SyncRequest;
import io.deskbridge.sync.engine.ScheduleJson.ScheduleBody;
import io.deskbridge.sync.engine.ScheduleJson.ScheduleRequest;
import io.deskbridge.sync.engine.StreamJson.ConnectionStatusJson;
import io.deskbridge.sync.engine.StreamJson.StatusBody;
import io.deskbridge.sync.engine.StreamJson.StatusJson;
import io.deskbridge.sync.engine.StreamJson.StreamListBody;
import io.deskbridge.sync.engine.SyncedTicketsBody.CursorMeta;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The sync engine's REST API (runs, streams, pause/resume, schedule, synced tickets, status). */
@RestController
class EngineController {

    private static final String SYNC_RUNS = "Sync runs";
    private static final String SYNCED_DATA = "Synced data";

    private final SyncEngine engine;
    private final Connections connections;
    private final JsonMapper json = JsonMapper.builder().build();

    EngineController(SyncEngine engine, Connections connections) {
        this.engine = engine;
        this.connections = connections;
    }

    @PostMapping("/api/connections/{id}/syncs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Tag(
            name = SYNC_RUNS,
            description = "Start, follow, pause and schedule the incremental copy of a connection's streams.")
    @Operation(
            summary = "Start a sync",
            description = "Queues a run per stream (all streams without a body). A stream already queued or running "
                    + "is not queued twice: its run is in the answer. Runs go on in the background; follow them "
                    + "with GET /api/runs/{id}.")
    @ApiResponse(responseCode = "202", description = "Accepted: the queued (or already active) runs")
    @ApiResponse(
            responseCode = "422",
            description = "An unknown stream, a connection without credentials, or a paused connection")
    ResponseEntity<RunListBody> sync(@PathVariable long id, @RequestBody(required = false) SyncRequest body) {
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
                .body(new RunListBody(runs.stream().map(RunJson::of).toList()));
    }

    @GetMapping("/api/runs/{id}")
    @Tag(name = SYNC_RUNS)
    @Operation(summary = "Show a run", description = "Its state and progress: poll it to follow a run.")
    RunBody run(@PathVariable long id) {
        return new RunBody(RunJson.of(engine.run(id)));
    }

    @GetMapping("/api/connections/{id}/runs")
    @Tag(name = SYNC_RUNS)
    @Operation(summary = "List a connection's runs", description = "Newest first.")
    RunListBody runs(@PathVariable long id) {
        return new RunListBody(engine.runs(id).stream().map(RunJson::of).toList());
    }

    @GetMapping("/api/connections/{id}/streams")
    @Tag(name = SYNC_RUNS)
    @Operation(
            summary = "List a connection's streams",
            description = "Each stream's state, records, cursor and lag, last run and records per minute.")
    StreamListBody streams(@PathVariable long id) {
        return new StreamListBody(
                engine.streams(id).stream().map(StreamJson::of).toList());
    }

    @PostMapping("/api/connections/{id}/pause")
    @Tag(name = SYNC_RUNS)
    @Operation(
            summary = "Pause a connection",
            description = "Running runs stop after their current page (state paused); nothing new is queued.")
    PausedConnectionBody pause(@PathVariable long id) {
        engine.pause(id);
        return paused(id);
    }

    @PostMapping("/api/connections/{id}/resume")
    @Tag(name = SYNC_RUNS)
    @Operation(summary = "Resume a paused connection")
    PausedConnectionBody resume(@PathVariable long id) {
        engine.resume(id);
        return paused(id);
    }

    private PausedConnectionBody paused(long id) {
        return new PausedConnectionBody(
                new PausedConnectionJson(ConnectionJson.of(connections.get(id)), engine.paused(id)));
    }

    @PutMapping("/api/connections/{id}/schedule")
    @Tag(name = SYNC_RUNS)
    @Operation(summary = "Set a connection's schedule", description = "Every interval_minutes, all streams.")
    @ApiResponse(responseCode = "200", description = "The schedule as set, with its next run")
    @ApiResponse(responseCode = "422", description = "enabled is missing or interval_minutes is outside 1..10080")
    ScheduleBody schedule(@PathVariable long id, @RequestBody(required = false) ScheduleRequest body) {
        if (body == null || body.schedule() == null || body.schedule().enabled() == null) {
            throw new RecordInvalidException(
                    "schedule",
                    "BlankValue",
                    "Schedule: send {\"schedule\": {\"enabled\": true|false, \"interval_minutes\": 1..10080}}");
        }
        SyncSchedule schedule = engine.setSchedule(
                id, body.schedule().enabled(), body.schedule().intervalMinutes());
        return new ScheduleBody(ScheduleJson.of(schedule));
    }

    @GetMapping("/api/connections/{id}/schedule")
    @Tag(name = SYNC_RUNS)
    @Operation(summary = "Show a connection's schedule")
    ScheduleBody showSchedule(@PathVariable long id) {
        return new ScheduleBody(ScheduleJson.of(engine.schedule(id)));
    }

    @GetMapping("/api/connections/{id}/tickets")
    @Tag(name = SYNCED_DATA, description = "The records sync has copied, as Zendesk sent them.")
    @Operation(
            summary = "Browse synced tickets",
            description = "In id order, cursor-paginated like Zendesk's lists (page[size], page[after]).")
    @ApiResponse(responseCode = "200", description = "One page of tickets")
    @ApiResponse(responseCode = "422", description = "page[size] is not 1..100 or page[after] is not a cursor")
    SyncedTicketsBody tickets(
            @PathVariable long id,
            @Parameter(description = "A ticket id, or words of the subject") @RequestParam(required = false)
                    String query,
            @Parameter(description = "1 to 100") @RequestParam(name = "page[size]", required = false) String size,
            @Parameter(description = "The previous page's meta.after_cursor")
                    @RequestParam(name = "page[after]", required = false)
                    String after) {
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
        return new SyncedTicketsBody(
                page.tickets().stream().map(t -> json.readTree(t.json())).toList(),
                new CursorMeta(page.hasMore(), page.afterCursor()),
                page.count());
    }

    @GetMapping("/api/status")
    @Tag(name = SYNC_RUNS)
    @Operation(
            summary = "Every connection's sync status",
            description = "Per connection: paused or not, and its streams (what sync-cli status shows).")
    StatusBody status() {
        return new StatusBody(new StatusJson(
                engine.status().stream().map(ConnectionStatusJson::of).toList()));
    }
}
