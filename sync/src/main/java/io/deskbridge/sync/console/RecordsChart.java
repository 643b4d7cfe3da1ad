package io.deskbridge.sync.console;

import io.deskbridge.sync.engine.MinuteCount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of a stream's records-per-minute bar chart, drawn by the template as inline SVG (no
 * script may run on these pages): one slot per minute of the last hour ending with the current
 * minute, the same window the engine reports, oldest on the left. Minutes the engine left out (no
 * records) are empty slots. Bars are scaled to the busiest minute; a minute with any records gets at
 * least one unit of height so that it stays visible next to a much busier one.
 */
record RecordsChart(List<Bar> bars, long max, long total, String from, String to) {

    static final int MINUTES = 60;
    static final int BAR_WIDTH = 4;
    static final int GAP = 1;
    static final int WIDTH = MINUTES * (BAR_WIDTH + GAP);
    static final int HEIGHT = 40;

    /** One minute's bar; {@code title} is the tooltip browsers show on hover. */
    record Bar(int x, int y, int width, int height, long records, String title) {}

    static RecordsChart of(List<MinuteCount> counts, Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(MINUTES - 1));
        Map<Instant, Long> byMinute = new HashMap<>();
        long max = 0;
        long total = 0;
        for (MinuteCount count : counts) {
            Instant minute = count.minute().truncatedTo(ChronoUnit.MINUTES);
            if (minute.isBefore(first)) {
                continue;
            }
            byMinute.merge(minute, count.records(), Long::sum);
        }
        for (long records : byMinute.values()) {
            max = Math.max(max, records);
            total += records;
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            Instant minute = first.plus(Duration.ofMinutes(i));
            long records = byMinute.getOrDefault(minute, 0L);
            if (records == 0) {
                continue;
            }
            int height = (int) Math.max(1, Math.round((double) records * HEIGHT / max));
            bars.add(new Bar(
                    i * (BAR_WIDTH + GAP),
                    HEIGHT - height,
                    BAR_WIDTH,
                    height,
                    records,
                    Formats.records(records) + " at " + Formats.time(minute)));
        }
        return new RecordsChart(
                List.copyOf(bars),
                max,
                total,
                Formats.time(first),
                Formats.time(first.plus(Duration.ofMinutes(MINUTES - 1))));
    }

    /** "1 record", "12 records" in the window. */
    public String totalLabel() {
        return Formats.records(total);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }
}
