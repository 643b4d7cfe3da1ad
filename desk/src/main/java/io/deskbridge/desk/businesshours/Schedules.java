package io.deskbridge.desk.businesshours;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordNotFoundException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business hours schedules (see package-info). */
@Service
public class Schedules {

    static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    /** Monday to Friday, 09:00 to 17:00. */
    static final List<Interval> DEFAULT_WORKWEEK = List.of(
            new Interval(1980, 2460),
            new Interval(3420, 3900),
            new Interval(4860, 5340),
            new Interval(6300, 6780),
            new Interval(7740, 8220));

    private final ScheduleRepository repository;
    private final Clock clock;

    Schedules(ScheduleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Schedule> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Schedule get(long id) {
        return repository.find(id).orElseThrow(() -> new RecordNotFoundException("No schedule with id " + id));
    }

    @Transactional
    Schedule create(Optional<String> name, Optional<String> timeZone, Optional<List<Interval>> intervals) {
        long id = repository.insert(
                name(name), zone(timeZone), intervals.map(Schedules::checked).orElse(DEFAULT_WORKWEEK), now());
        return get(id);
    }

    @Transactional
    Schedule update(long id, Optional<String> name, Optional<String> timeZone, Optional<List<Interval>> intervals) {
        Schedule current = get(id);
        repository.update(
                id,
                name.isPresent() ? name(name) : current.name(),
                timeZone.isPresent() ? zone(timeZone) : current.timeZone(),
                intervals.map(Schedules::checked).orElse(current.intervals()),
                now());
        return get(id);
    }

    @Transactional
    void delete(long id) {
        get(id);
        repository.delete(id);
    }

    /** Intervals inside the week, each start before its end, not overlapping; sorted. */
    static List<Interval> checked(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingInt(Interval::startTime));
        for (Interval interval : sorted) {
            if (interval.startTime() < 0
                    || interval.endTime() > MINUTES_PER_WEEK
                    || interval.startTime() >= interval.endTime()) {
                throw Input.invalid(
                        "intervals",
                        "each interval must start before it ends, within 0.." + MINUTES_PER_WEEK
                                + " minutes from Sunday 00:00");
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startTime() < sorted.get(i - 1).endTime()) {
                throw Input.invalid("intervals", "intervals must not overlap");
            }
        }
        return List.copyOf(sorted);
    }

    private static String name(Optional<String> name) {
        return name.map(String::strip).filter(n -> !n.isEmpty()).orElseThrow(() -> Input.blank("name"));
    }

    private static String zone(Optional<String> timeZone) {
        String zone = timeZone.map(String::strip).filter(z -> !z.isEmpty()).orElseThrow(() -> Input.blank("time_zone"));
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw Input.invalid("time_zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
