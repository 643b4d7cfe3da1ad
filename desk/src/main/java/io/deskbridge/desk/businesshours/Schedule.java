package io.deskbridge.desk.businesshours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** A business hours schedule. */
public record Schedule(
        long id, String name, String timeZone, List<Interval> intervals, Instant createdAt, Instant updatedAt) {

    /**
     * Seconds the schedule is open between {@code from} and {@code to} (none when {@code to} is not after
     * {@code from}). The intervals are wall-clock times of the schedule's zone, week by week from Sunday
     * 00:00: across a daylight-saving change they move with the wall clock, as Zendesk's business hours
     * do. Holidays are not served (see package-info), so none is taken off.
     */
    public long openSecondsBetween(Instant from, Instant to) {
        if (!to.isAfter(from) || intervals.isEmpty()) {
            return 0;
        }
        ZoneId zone = ZoneId.of(timeZone);
        LocalDateTime week = from.atZone(zone)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .atStartOfDay();
        long open = 0;
        while (week.atZone(zone).toInstant().isBefore(to)) {
            for (Interval interval : intervals) {
                Instant start =
                        week.plusMinutes(interval.startTime()).atZone(zone).toInstant();
                Instant end = week.plusMinutes(interval.endTime()).atZone(zone).toInstant();
                Instant overlapStart = start.isAfter(from) ? start : from;
                Instant overlapEnd = end.isBefore(to) ? end : to;
                if (overlapEnd.isAfter(overlapStart)) {
                    open += Duration.between(overlapStart, overlapEnd).toSeconds();
                }
            }
            week = week.plusWeeks(1);
        }
        return open;
    }
}
