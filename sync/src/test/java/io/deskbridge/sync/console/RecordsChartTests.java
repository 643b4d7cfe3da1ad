package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.deskbridge.sync.engine.MinuteCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsChartTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:30:25Z");

    @Test
    void shouldPlaceEachMinuteInItsSlotOfTheLastHourScaledToTheBusiest() {
        RecordsChart chart = RecordsChart.of(
                List.of(
                        new MinuteCount(Instant.parse("2026-03-01T09:31:00Z"), 1_000),
                        new MinuteCount(Instant.parse("2026-03-01T10:00:00Z"), 1),
                        new MinuteCount(Instant.parse("2026-03-01T10:30:00Z"), 500)),
                NOW);

        assertThat(chart.bars())
                .extracting(
                        RecordsChart.Bar::x, RecordsChart.Bar::y, RecordsChart.Bar::height, RecordsChart.Bar::records)
                .containsExactly(tuple(0, 0, 40, 1_000L), tuple(29 * 5, 39, 1, 1L), tuple(59 * 5, 20, 20, 500L));
        assertThat(chart.max()).isEqualTo(1_000);
        assertThat(chart.total()).isEqualTo(1_501);
        assertThat(chart.from()).isEqualTo("2026-03-01 09:31:00 UTC");
        assertThat(chart.to()).isEqualTo("2026-03-01 10:30:00 UTC");
        assertThat(chart.bars().get(2).title()).isEqualTo("500 records at 2026-03-01 10:30:00 UTC");
    }

    @Test
    void shouldLeaveOutMinutesBeforeTheWindow() {
        RecordsChart chart = RecordsChart.of(List.of(new MinuteCount(Instant.parse("2026-03-01T09:30:00Z"), 7)), NOW);
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.total()).isZero();
    }
}
