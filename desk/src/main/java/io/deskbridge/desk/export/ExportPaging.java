package io.deskbridge.desk.export;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.ratelimit.ApiLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The paging rules of incremental exports, free of HTTP and SQL (the controller renders, the
 * repositories read):
 *
 * <ul>
 *   <li>Records are never served while younger than the freshness window; a {@code start_time}
 *       inside it (or later) gets an empty page, not an error (see {@link #startTime(String)}).
 *   <li>Cursor exports position on (timestamp, id): however many records share one second, none is
 *       skipped or repeated.
 *   <li>Time-based exports end a page at the last record's second and the next page starts there, so
 *       that second's records repeat (Zendesk's documented duplicates). Decision: when every record
 *       of a full page shares one second, the page takes the whole second and ends after it, so a
 *       busy second can never loop forever.
 * </ul>
 */
@Service
class ExportPaging {

    static final int MAX_PER_PAGE = 1000;

    private final Clock clock;
    private final IntSupplier freshnessSeconds;

    @Autowired
    ExportPaging(Clock clock, ApiLimits limits) {
        this(clock, () -> limits.current().exportFreshnessSeconds());
    }

    ExportPaging(Clock clock, IntSupplier freshnessSeconds) {
        this.clock = clock;
        this.freshnessSeconds = freshnessSeconds;
    }

    /** A position in an export: (timestamp in epoch seconds, id); rows strictly after it come next. */
    record Position(long timestamp, long id) {}

    /** Reads rows in export order strictly after a position, up to the newest servable second. */
    @FunctionalInterface
    interface After<T> {
        List<T> rows(Position after, int limit);
    }

    /** Reads the rows of exactly one second after an id. */
    @FunctionalInterface
    interface RestOfSecond<T> {
        List<T> rows(long second, long afterId);
    }

    /**
     * One cursor page: the rows, where the next page starts ({@code after}; the start position when the
     * page is empty), where a page before this one would end ({@code before}; null when empty).
     */
    record CursorSlice<T>(List<T> rows, Position after, Position before, boolean endOfStream) {}

    /** One time page and the {@code end_time} the next page starts from. */
    record TimeSlice<T>(List<T> rows, long endTime, boolean endOfStream) {}

    /** The newest second an export may serve now: older than the freshness window. */
    long maxTimestamp() {
        return clock.instant().getEpochSecond() - freshnessSeconds.getAsInt();
    }

    /**
     * {@code start_time} as Zendesk reads it: Ruby's {@code to_i}, i.e. the leading whole number of the
     * value and nothing after it. Real clients send an integer ({@code 1704067200}), a float string
     * ({@code 1704067200.0}: tap-zendesk's {@code datetime.timestamp()}) or an ISO date-time (zenpy's
     * access probe on organizations, {@code 2026-05-01T12:00:00Z}); Zendesk answers all three with a
     * 200, and the ISO form reads as its year ({@code 2026}, i.e. an export from 1970), which is what
     * {@code to_i} makes of it. Desk does the same rather than parse the date: a client that relies on
     * the ISO probe only checks access, and reading it as a date would change what Zendesk serves.
     *
     * <p>Decision, "too recent": since October 2024 Zendesk no longer refuses a recent
     * {@code start_time} on the ticket, user, organization and ticket-event exports: it leaves out the
     * last minute's changes and says where it stopped (its announcement "Announcing a new limit for
     * the Incremental Export API"; the official OAS documents {@code StartTimeTooRecent} only for
     * custom object record exports). tap-zendesk's discovery relies on this: it probes with
     * {@code start_time=<now>}. So a start inside the freshness window, or in the future, is accepted
     * and serves an empty page that ends the stream where it started (see {@link #maxTimestamp()}).
     * Refused with a 400: a missing value, one with no leading digits ({@code soon}), a negative one.
     */
    static long startTime(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("InvalidValue", "start_time is required (epoch seconds), or send a cursor");
        }
        String trimmed = value.trim();
        if (trimmed.startsWith("-")) {
            throw new BadRequestException("InvalidValue", "start_time must not be negative (got " + trimmed + ")");
        }
        int digits = 0;
        while (digits < trimmed.length() && Character.isDigit(trimmed.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            throw new BadRequestException(
                    "InvalidValue",
                    "start_time must be epoch seconds (a whole number; a fraction is dropped) (got \"" + value + "\")");
        }
        try {
            return Long.parseLong(trimmed.substring(0, digits));
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidValue", "start_time is too large to be epoch seconds (got \"" + value + "\")");
        }
    }

    /** {@code per_page}: 1 to 1,000, default 1,000. */
    static int perPage(String value) {
        if (value == null || value.isBlank()) {
            return MAX_PER_PAGE;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= MAX_PER_PAGE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new BadRequestException(
                "InvalidPaginationParameter",
                "per_page must be from 1 to " + MAX_PER_PAGE + " (got \"" + value + "\")");
    }

    static <T> CursorSlice<T> cursor(
            Position from, int size, After<T> read, ToLongFunction<T> timestampOf, ToLongFunction<T> idOf) {
        List<T> rows = read.rows(from, size + 1);
        boolean more = rows.size() > size;
        List<T> page = more ? List.copyOf(rows.subList(0, size)) : rows;
        if (page.isEmpty()) {
            return new CursorSlice<>(page, from, null, true);
        }
        T first = page.get(0);
        T last = page.get(page.size() - 1);
        return new CursorSlice<>(
                page,
                new Position(timestampOf.applyAsLong(last), idOf.applyAsLong(last)),
                new Position(timestampOf.applyAsLong(first), idOf.applyAsLong(first) - 1),
                !more);
    }

    static <T> TimeSlice<T> time(
            long start,
            int size,
            After<T> read,
            RestOfSecond<T> restOfSecond,
            ToLongFunction<T> timestampOf,
            ToLongFunction<T> idOf) {
        List<T> rows = new ArrayList<>(read.rows(new Position(start - 1, Long.MAX_VALUE), size));
        return wholeSeconds(start, size, rows, restOfSecond, timestampOf, idOf);
    }

    /**
     * The rule shared by every time-based export: a short page ends the stream at its last second; a
     * full page that is one single second takes the rest of that second and ends after it.
     */
    static <T> TimeSlice<T> wholeSeconds(
            long start,
            int size,
            List<T> rows,
            RestOfSecond<T> restOfSecond,
            ToLongFunction<T> timestampOf,
            ToLongFunction<T> idOf) {
        boolean endOfStream = rows.size() < size;
        if (rows.isEmpty()) {
            return new TimeSlice<>(List.of(), start, endOfStream);
        }
        List<T> page = new ArrayList<>(rows);
        T last = page.get(page.size() - 1);
        long lastSecond = timestampOf.applyAsLong(last);
        long endTime = lastSecond;
        if (!endOfStream && timestampOf.applyAsLong(page.get(0)) == lastSecond) {
            page.addAll(restOfSecond.rows(lastSecond, idOf.applyAsLong(last)));
            endTime = lastSecond + 1;
        }
        return new TimeSlice<>(List.copyOf(page), endTime, endOfStream);
    }
}
