package io.deskbridge.desk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.export.ExportPaging.CursorSlice;
import io.deskbridge.desk.export.ExportPaging.Position;
import io.deskbridge.desk.export.ExportPaging.TimeSlice;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExportPagingTests {

    /** A record in export order: (second, id). */
    record Row(long second, long id) {}

    /** The export's rows, read the way the repositories read them. */
    static final class Table {
        final List<Row> rows;

        Table(Row... rows) {
            this.rows = List.of(rows).stream()
                    .sorted(Comparator.comparingLong(Row::second).thenComparingLong(Row::id))
                    .toList();
        }

        List<Row> after(Position after, int limit) {
            return rows.stream()
                    .filter(r ->
                            r.second() > after.timestamp() || (r.second() == after.timestamp() && r.id() > after.id()))
                    .limit(limit)
                    .toList();
        }

        List<Row> restOfSecond(long second, long afterId) {
            return rows.stream()
                    .filter(r -> r.second() == second && r.id() > afterId)
                    .toList();
        }
    }

    @Nested
    class TimeBased {

        @Test
        void shouldEndAShortPageAtItsLastSecondAndEndTheStream() {
            Table table = new Table(new Row(100, 1), new Row(101, 2));
            TimeSlice<Row> slice = ExportPaging.time(100, 10, table::after, table::restOfSecond, Row::second, Row::id);
            assertThat(slice.rows()).containsExactly(new Row(100, 1), new Row(101, 2));
            assertThat(slice.endTime()).isEqualTo(101);
            assertThat(slice.endOfStream()).isTrue();
        }

        @Test
        void shouldStartTheNextPageAtTheLastSecondSoItsRecordsRepeat() {
            Table table = new Table(new Row(100, 1), new Row(101, 2), new Row(101, 3), new Row(102, 4));
            TimeSlice<Row> slice = ExportPaging.time(100, 2, table::after, table::restOfSecond, Row::second, Row::id);
            assertThat(slice.rows()).containsExactly(new Row(100, 1), new Row(101, 2));
            assertThat(slice.endTime()).isEqualTo(101);
            assertThat(slice.endOfStream()).isFalse();
        }

        @Test
        void shouldTakeAWholeBusySecondAndEndAfterIt() {
            Table table = new Table(new Row(100, 1), new Row(100, 2), new Row(100, 3), new Row(105, 4));
            TimeSlice<Row> slice = ExportPaging.time(100, 2, table::after, table::restOfSecond, Row::second, Row::id);
            assertThat(slice.rows()).containsExactly(new Row(100, 1), new Row(100, 2), new Row(100, 3));
            assertThat(slice.endTime()).isEqualTo(101);
            assertThat(slice.endOfStream()).isFalse();
        }

        @Test
        void shouldKeepTheStartTimeWhenNothingIsNew() {
            TimeSlice<Row> slice =
                    ExportPaging.time(500, 2, new Table()::after, new Table()::restOfSecond, Row::second, Row::id);
            assertThat(slice.rows()).isEmpty();
            assertThat(slice.endTime()).isEqualTo(500);
            assertThat(slice.endOfStream()).isTrue();
        }
    }

    @Nested
    class CursorBased {

        @Test
        void shouldNeverSkipOrRepeatRowsSharingOneSecond() {
            Table table =
                    new Table(new Row(100, 1), new Row(100, 2), new Row(100, 3), new Row(100, 4), new Row(101, 5));
            CursorSlice<Row> first = ExportPaging.cursor(new Position(100, 0), 2, table::after, Row::second, Row::id);
            CursorSlice<Row> second = ExportPaging.cursor(first.after(), 2, table::after, Row::second, Row::id);
            CursorSlice<Row> third = ExportPaging.cursor(second.after(), 2, table::after, Row::second, Row::id);
            assertThat(first.rows()).containsExactly(new Row(100, 1), new Row(100, 2));
            assertThat(first.endOfStream()).isFalse();
            assertThat(second.rows()).containsExactly(new Row(100, 3), new Row(100, 4));
            assertThat(third.rows()).containsExactly(new Row(101, 5));
            assertThat(third.endOfStream()).isTrue();
            assertThat(third.after()).isEqualTo(new Position(101, 5));
            assertThat(third.before()).isEqualTo(new Position(101, 4));
        }

        @Test
        void shouldStayWhereItWasWhenNothingIsNew() {
            Position from = new Position(200, 9);
            CursorSlice<Row> slice = ExportPaging.cursor(from, 2, new Table()::after, Row::second, Row::id);
            assertThat(slice.rows()).isEmpty();
            assertThat(slice.after()).isEqualTo(from);
            assertThat(slice.before()).isNull();
            assertThat(slice.endOfStream()).isTrue();
        }
    }

    @Nested
    class Window {

        final ExportPaging paging =
                new ExportPaging(Clock.fixed(Instant.ofEpochSecond(10_000), ZoneOffset.UTC), () -> 60);

        @Test
        void shouldServeOnlySecondsOlderThanTheFreshnessWindow() {
            assertThat(paging.maxTimestamp()).isEqualTo(9_940);
        }

        @Test
        void shouldAcceptAStartTimeInsideTheWindowOrInTheFuture() {
            // Zendesk leaves the last minute out instead of refusing (tap-zendesk probes with "now").
            assertThat(ExportPaging.startTime("9941")).isEqualTo(9_941);
            assertThat(ExportPaging.startTime("20000")).isEqualTo(20_000);
        }

        @Test
        void shouldReadStartTimeAsRubyToIDoesIntegerFloatAndIsoForms() {
            assertThat(ExportPaging.startTime("1704067200")).isEqualTo(1_704_067_200L);
            assertThat(ExportPaging.startTime(" 1704067200 ")).isEqualTo(1_704_067_200L);
            assertThat(ExportPaging.startTime("1704067200.0")).isEqualTo(1_704_067_200L);
            assertThat(ExportPaging.startTime("1704067200.999")).isEqualTo(1_704_067_200L);
            assertThat(ExportPaging.startTime("2026-05-01T12:00:00Z")).isEqualTo(2_026L);
        }

        @Test
        void shouldRefuseAMissingNegativeOrNonNumericStartTime() {
            assertThatThrownBy(() -> ExportPaging.startTime(null))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("start_time is required (epoch seconds), or send a cursor");
            assertThatThrownBy(() -> ExportPaging.startTime("-1"))
                    .hasMessage("start_time must not be negative (got -1)");
            assertThatThrownBy(() -> ExportPaging.startTime("soon"))
                    .hasMessage(
                            "start_time must be epoch seconds (a whole number; a fraction is dropped) (got \"soon\")");
            assertThatThrownBy(() -> ExportPaging.startTime("99999999999999999999"))
                    .hasMessage("start_time is too large to be epoch seconds (got \"99999999999999999999\")");
        }

        @Test
        void shouldAcceptPerPageFromOneToAThousand() {
            assertThat(ExportPaging.perPage(null)).isEqualTo(1000);
            assertThat(ExportPaging.perPage("1")).isEqualTo(1);
            assertThatThrownBy(() -> ExportPaging.perPage("1001"))
                    .hasMessage("per_page must be from 1 to 1000 (got \"1001\")");
        }
    }
}
