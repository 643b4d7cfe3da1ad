package io.deskbridge.desk.businesshours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open time of a schedule between two instants: what automations' business-hours conditions count. */
class ScheduleTests {

    private static Schedule workweek(String zone) {
        return new Schedule(1, "Support", zone, Schedules.DEFAULT_WORKWEEK, Instant.EPOCH, Instant.EPOCH);
    }

    private static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    @Test
    void shouldCountOnlyTheOpenHoursOverAWeekend() {
        Schedule utc = workweek("UTC");

        // Friday 2026-12-04 16:00 to Monday 2026-12-07 10:00: one hour on Friday, one on Monday.
        long open = utc.openSecondsBetween(at("2026-12-04T16:00", "UTC"), at("2026-12-07T10:00", "UTC"));

        assertThat(open).isEqualTo(2 * 3600);
    }

    @Test
    void shouldCountFortyHoursAWeekOverAYear() {
        Schedule utc = workweek("UTC");

        long open = utc.openSecondsBetween(at("2025-12-07T00:00", "UTC"), at("2026-12-06T00:00", "UTC"));

        assertThat(open).isEqualTo(52L * 40 * 3600);
    }

    @Test
    void shouldReadTheIntervalsInTheSchedulesZoneAcrossADaylightSavingChange() {
        Schedule berlin = workweek("Europe/Berlin");
        // Clocks went forward in Berlin on Sunday 2026-03-29; 16:30 Friday to 09:30 Monday, Berlin time.
        Instant from = at("2026-03-27T16:30", "Europe/Berlin");
        Instant to = at("2026-03-30T09:30", "Europe/Berlin");

        assertThat(berlin.openSecondsBetween(from, to)).isEqualTo(3600);
        assertThat(workweek("UTC").openSecondsBetween(from, to))
                .as("the same instants on a UTC schedule: 15:30 Friday to 07:30 Monday UTC")
                .isEqualTo(90 * 60);
    }

    @Test
    void shouldCountNothingBackwardsOrWithoutIntervals() {
        Schedule utc = workweek("UTC");
        Schedule closed = new Schedule(2, "Closed", "UTC", List.of(), Instant.EPOCH, Instant.EPOCH);
        Instant monday = at("2026-12-07T10:00", "UTC");

        assertThat(utc.openSecondsBetween(monday, monday.minusSeconds(3600))).isZero();
        assertThat(utc.openSecondsBetween(monday, monday)).isZero();
        assertThat(closed.openSecondsBetween(monday.minusSeconds(86_400 * 7), monday))
                .isZero();
    }
}
