package io.deskbridge.desk.businesshours;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/business_hours/schedules}: agents read, admins write. */
@RestController
class ScheduleController {

    private static final String PATH = "/api/v2/business_hours/schedules";

    private final Schedules schedules;

    ScheduleController(Schedules schedules) {
        this.schedules = schedules;
    }

    record ScheduleList(List<Schedule> schedules) {}

    record ScheduleEnvelope(Schedule schedule) {}

    record Workweek(List<Interval> intervals) {}

    record WorkweekEnvelope(Workweek workweek) {}

    @GetMapping(PATH)
    ScheduleList list() {
        return new ScheduleList(schedules.all());
    }

    @GetMapping(PATH + "/{id}")
    ScheduleEnvelope show(@PathVariable long id) {
        return new ScheduleEnvelope(schedules.get(id));
    }

    @PostMapping(PATH)
    ResponseEntity<ScheduleEnvelope> create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "schedule");
        Schedule created =
                schedules.create(in.string("name", 255), in.string("time_zone", 64), intervals(in.raw("intervals")));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ScheduleEnvelope(created));
    }

    @PutMapping(PATH + "/{id}")
    ScheduleEnvelope update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "schedule");
        return new ScheduleEnvelope(schedules.update(
                id, in.string("name", 255), in.string("time_zone", 64), intervals(in.raw("intervals"))));
    }

    @PutMapping(PATH + "/{id}/workweek")
    WorkweekEnvelope workweek(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "workweek");
        List<Interval> intervals = intervals(in.raw("intervals")).orElseThrow(() -> Input.blank("intervals"));
        Schedule updated = schedules.update(id, Optional.empty(), Optional.empty(), Optional.of(intervals));
        return new WorkweekEnvelope(new Workweek(updated.intervals()));
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        schedules.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static Optional<List<Interval>> intervals(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return Optional.empty();
        }
        if (!raw.isArray()) {
            throw Input.invalid("intervals", "must be a list of {start_time, end_time}");
        }
        List<Interval> intervals = new ArrayList<>();
        for (JsonNode item : raw) {
            JsonNode start = item.path("start_time");
            JsonNode end = item.path("end_time");
            if (!start.isIntegralNumber()
                    || !end.isIntegralNumber()
                    || !start.canConvertToInt()
                    || !end.canConvertToInt()) {
                throw Input.invalid("intervals", "must be a list of {start_time, end_time} in whole minutes");
            }
            intervals.add(new Interval(start.intValue(), end.intValue()));
        }
        return Optional.of(intervals);
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change schedules");
        }
    }
}
