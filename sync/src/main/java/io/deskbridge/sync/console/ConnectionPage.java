package io.deskbridge.sync.console;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.engine.StreamName;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.engine.SyncRun;
import io.deskbridge.sync.engine.SyncSchedule;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A connection's page: its facts (never its secret), the sync controls and its streams. The buttons
 * post, change through the engine and redirect back (a reload does not repeat them); a refused
 * action comes back as a message on the page.
 */
@Controller
class ConnectionPage {

    private final Connections connections;
    private final SyncEngine engine;
    private final Clock clock;

    ConnectionPage(Connections connections, SyncEngine engine, Clock clock) {
        this.connections = connections;
        this.engine = engine;
        this.clock = clock;
    }

    /** What the schedule form holds: the stored schedule, or what was submitted when it was refused. */
    record ScheduleForm(boolean enabled, String intervalMinutes) {}

    @GetMapping("/connections/{id}")
    String show(@PathVariable long id, Model model) {
        SyncSchedule schedule = engine.schedule(id);
        return page(id, new ScheduleForm(schedule.enabled(), Integer.toString(schedule.intervalMinutes())), model);
    }

    /** Sync now: every stream, or the one named by {@code stream}. */
    @PostMapping("/connections/{id}/sync")
    String sync(@PathVariable long id, @RequestParam(required = false) String stream, RedirectAttributes redirect) {
        List<StreamName> streams;
        if (stream == null || stream.isBlank()) {
            streams = List.of();
        } else {
            Optional<StreamName> named = StreamName.fromWire(stream.strip());
            if (named.isEmpty()) {
                redirect.addFlashAttribute(
                        "problem",
                        "Stream: there is no stream \"" + Formats.echo(stream) + "\"; the streams are "
                                + Arrays.stream(StreamName.values())
                                        .map(StreamName::wireName)
                                        .collect(Collectors.joining(", ")));
                return back(id);
            }
            streams = List.of(named.get());
        }
        try {
            List<SyncRun> runs = engine.requestSync(id, streams);
            redirect.addFlashAttribute(
                    "notice",
                    "Sync requested: "
                            + runs.stream()
                                    .map(r -> r.stream().wireName() + " (run " + r.id() + ", "
                                            + r.state().wireName() + ")")
                                    .collect(Collectors.joining(", ")));
        } catch (RecordInvalidException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return back(id);
    }

    @PostMapping("/connections/{id}/pause")
    String pause(@PathVariable long id, RedirectAttributes redirect) {
        engine.pause(id);
        redirect.addFlashAttribute(
                "notice", "Paused: schedules skip this connection, and running streams stop after their current page.");
        return back(id);
    }

    @PostMapping("/connections/{id}/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        engine.resume(id);
        redirect.addFlashAttribute(
                "notice", "Resumed: streams a pause stopped are queued again, and schedules run this connection.");
        return back(id);
    }

    /**
     * The schedule form. An unticked checkbox is not sent, so a missing {@code enabled} means off; a
     * blank interval keeps the stored one. A refused form is shown again with what was entered and
     * why (422), nothing changed.
     */
    @PostMapping("/connections/{id}/schedule")
    String schedule(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") String enabled,
            @RequestParam(defaultValue = "") String intervalMinutes,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean on = "true".equals(enabled) || "on".equals(enabled);
        String interval = intervalMinutes.strip();
        ScheduleForm form = new ScheduleForm(on, interval);
        Integer minutes = null;
        if (!interval.isEmpty()) {
            if (!interval.matches("\\d{1,9}")) {
                return refused(
                        id,
                        form,
                        "Interval minutes: must be a whole number of minutes; it is \"" + Formats.echo(interval) + "\"",
                        model,
                        response);
            }
            minutes = Integer.valueOf(interval);
        }
        try {
            SyncSchedule saved = engine.setSchedule(id, on, minutes);
            redirect.addFlashAttribute(
                    "notice",
                    saved.enabled()
                            ? "Schedule saved: every " + saved.intervalMinutes() + " min, next at "
                                    + Formats.time(saved.nextRunAt())
                            : "Schedule saved: off (interval " + saved.intervalMinutes() + " min kept)");
            return back(id);
        } catch (RecordInvalidException e) {
            return refused(id, form, e.getMessage(), model, response);
        }
    }

    private String refused(long id, ScheduleForm form, String problem, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("scheduleProblem", problem);
        return page(id, form, model);
    }

    private String page(long id, ScheduleForm form, Model model) {
        Connection connection = connections.get(id);
        Instant now = clock.instant();
        model.addAttribute("connection", connection);
        model.addAttribute("paused", engine.paused(id));
        SyncSchedule schedule = engine.schedule(id);
        model.addAttribute("schedule", schedule);
        model.addAttribute("nextRunAt", schedule.nextRunAt());
        model.addAttribute("scheduleForm", form);
        model.addAttribute("receivedAt", connection.credentialsReceivedAt());
        model.addAttribute("createdAt", connection.createdAt());
        List<StreamView> streamViews =
                engine.streams(id).stream().map(s -> StreamView.of(s, now)).toList();
        model.addAttribute("streams", streamViews);
        // The badge tells the truth about the streams: "Active" only while not every stream is failing.
        long failing =
                streamViews.stream().filter(s -> "failed".equals(s.state())).count();
        model.addAttribute("failingStreams", failing);
        model.addAttribute("allStreamsFailing", failing > 0 && failing == streamViews.size());
        // While a run is queued or running the page refreshes its live regions itself (console.js).
        model.addAttribute(
                "live", streamViews.stream().anyMatch(s -> "queued".equals(s.state()) || "running".equals(s.state())));
        return "console/connection";
    }

    private static String back(long id) {
        return "redirect:/connections/" + id;
    }
}
