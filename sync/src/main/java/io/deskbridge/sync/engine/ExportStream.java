package io.deskbridge.sync.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one stream reads Zendesk's incremental export: which request comes next from a position, and
 * what a page means. Only what Zendesk documents is assumed (desk serves the same shapes).
 */
abstract class ExportStream {

    private static final Logger log = LoggerFactory.getLogger(ExportStream.class);

    abstract StreamName name();

    /** The path and query of the next page from {@code position}, {@code pageSize} records per page. */
    abstract String path(StreamPosition position, int pageSize);

    /** Whether {@link #path} used Zendesk's cursor (so a rejected cursor can be re-anchored). */
    boolean usesCursor(StreamPosition position) {
        return false;
    }

    /**
     * The page's records and the stream's position after it, read from the answer's bytes in one
     * streaming pass (each record keeps its JSON text as sent; see {@link RawRecord}).
     *
     * @throws PageReader.MalformedPageException when the body is not a JSON object
     */
    abstract ExportPage parse(byte[] body, StreamPosition position, int pageSize);

    /** The top-level fields of a ticket the engine and the store read. */
    static final Set<String> TICKET_FIELDS = Set.of(
            "id",
            "generated_timestamp",
            "updated_at",
            "status",
            "subject",
            "requester_id",
            "organization_id",
            "description");

    static final Set<String> USER_FIELDS = Set.of("id", "updated_at", "email", "name", "role", "active");

    static final Set<String> ORGANIZATION_FIELDS = Set.of("id", "updated_at", "name", "deleted_at");

    static final Set<String> EVENT_FIELDS = Set.of("timestamp", "created_at", "ticket_id");

    static final Set<String> COMMENT_FIELDS =
            Set.of("id", "event_type", "type", "ticket_id", "created_at", "author_id", "public", "body", "plain_body");

    static ExportStream of(StreamName name) {
        return switch (name) {
            case TICKETS -> new CursorExport(name, "/api/v2/incremental/tickets/cursor.json", "tickets", TICKET_FIELDS);
            case USERS -> new CursorExport(name, "/api/v2/incremental/users/cursor.json", "users", USER_FIELDS);
            case ORGANIZATIONS ->
                new TimeExport(name, "/api/v2/incremental/organizations.json", "organizations", ORGANIZATION_FIELDS);
            case TICKET_COMMENTS -> new TicketEventsExport();
        };
    }

    /**
     * Cursor exports (tickets, users): {@code start_time} once, then Zendesk's {@code after_cursor},
     * which is kept even at {@code end_of_stream} so the next run continues from it. Only when the
     * cursor is rejected does the stream re-anchor on its cursor time (the newest {@code
     * generated_timestamp}/{@code updated_at} stored): the records of that second come again and are
     * upserted.
     */
    static final class CursorExport extends ExportStream {
        private final StreamName name;
        private final String path;
        private final PageReader.Shape shape;

        CursorExport(StreamName name, String path, String key, Set<String> fields) {
            this.name = name;
            this.path = path;
            this.shape = PageReader.Shape.records(key, fields);
        }

        @Override
        StreamName name() {
            return name;
        }

        @Override
        boolean usesCursor(StreamPosition position) {
            return position.cursor() != null;
        }

        @Override
        String path(StreamPosition position, int pageSize) {
            if (position.cursor() != null) {
                return path + "?cursor=" + URLEncoder.encode(position.cursor(), StandardCharsets.UTF_8) + "&per_page="
                        + pageSize;
            }
            long start = position.cursorTime() == null ? 0 : position.cursorTime();
            return path + "?start_time=" + start + "&per_page=" + pageSize;
        }

        @Override
        ExportPage parse(byte[] body, StreamPosition position, int pageSize) {
            PageReader.Page read = PageReader.read(body, shape);
            List<StreamRecord> records = new ArrayList<>(read.items().size());
            Long newest = position.cursorTime();
            Long first = null;
            for (PageReader.Item element : read.items()) {
                RawRecord item = element.record();
                long version = name == StreamName.TICKETS && item.isNumber("generated_timestamp")
                        ? item.asLong("generated_timestamp", 0)
                        : epochSecond(item, "updated_at");
                records.add(new StreamRecord(item.asLong("id", 0), version, item, null, null));
                if (first == null) {
                    first = version;
                }
                if (newest == null || version > newest) {
                    newest = version;
                }
            }
            RawRecord top = read.top();
            String cursor =
                    top.isString("after_cursor") && !top.text("after_cursor").isEmpty()
                            ? top.text("after_cursor")
                            : position.cursor();
            boolean end = top.has("end_of_stream") ? top.asBoolean("end_of_stream", false) : records.size() < pageSize;
            Long origin = position.originTime() != null ? position.originTime() : first;
            return new ExportPage(records, new StreamPosition(cursor, newest, origin), end);
        }
    }

    /**
     * Time-based exports: {@code end_time} is the next {@code start_time}; records of that second
     * come again on the next page and are upserted. Decision, the busy-second loop: when a full page
     * ends where it started ({@code end_time <= start_time}, more than a page of records in one
     * second), Zendesk offers no way to page within the second, so the stream moves on one second and
     * logs that records of that second may be missing (desk avoids this by serving the whole second).
     */
    static class TimeExport extends ExportStream {
        private final StreamName name;
        private final String path;
        private final PageReader.Shape shape;

        TimeExport(StreamName name, String path, String key, Set<String> fields) {
            this(name, path, PageReader.Shape.records(key, fields));
        }

        TimeExport(StreamName name, String path, PageReader.Shape shape) {
            this.name = name;
            this.path = path;
            this.shape = shape;
        }

        @Override
        StreamName name() {
            return name;
        }

        @Override
        String path(StreamPosition position, int pageSize) {
            return path + "?start_time=" + start(position) + "&per_page=" + pageSize;
        }

        static long start(StreamPosition position) {
            return position.cursorTime() == null ? 0 : position.cursorTime();
        }

        List<StreamRecord> records(PageReader.Page read) {
            List<StreamRecord> records = new ArrayList<>(read.items().size());
            for (PageReader.Item element : read.items()) {
                RawRecord item = element.record();
                records.add(new StreamRecord(item.asLong("id", 0), epochSecond(item, "updated_at"), item, null, null));
            }
            return records;
        }

        @Override
        ExportPage parse(byte[] body, StreamPosition position, int pageSize) {
            return parse(PageReader.read(body, shape), position, pageSize);
        }

        ExportPage parse(PageReader.Page read, StreamPosition position, int pageSize) {
            List<StreamRecord> records = records(read);
            RawRecord top = read.top();
            long start = start(position);
            boolean end = top.has("end_of_stream") ? top.asBoolean("end_of_stream", false) : records.size() < pageSize;
            long endTime = top.isNumber("end_time") ? top.asLong("end_time", start) : start;
            if (!end && endTime <= start) {
                log.warn(
                        "{}: a full page of records shares the second {}; Zendesk's time-based export cannot page"
                                + " within one second, so the stream moves on to {} and records of that second"
                                + " beyond this page may be missing",
                        name.wireName(),
                        start,
                        start + 1);
                endTime = start + 1;
            }
            long next = Math.max(start, endTime);
            Long origin = position.originTime();
            if (origin == null && !records.isEmpty()) {
                origin = records.stream().mapToLong(StreamRecord::version).min().getAsLong();
            }
            return new ExportPage(records, new StreamPosition(Long.toString(next), next, origin), end);
        }
    }

    /**
     * Comments from {@code /incremental/ticket_events?include=comment_events}: each child event of
     * type Comment is a comment row (its ticket and time from the child, or else the parent event).
     * Decision, page size: the endpoint documents no {@code per_page}, so it is only sent when the page
     * was shrunk after failures (Zendesk's default and maximum is 1000).
     */
    static final class TicketEventsExport extends TimeExport {

        TicketEventsExport() {
            super(
                    StreamName.TICKET_COMMENTS,
                    "/api/v2/incremental/ticket_events.json",
                    new PageReader.Shape("ticket_events", EVENT_FIELDS, false, "child_events", COMMENT_FIELDS));
        }

        @Override
        String path(StreamPosition position, int pageSize) {
            return "/api/v2/incremental/ticket_events.json?include=comment_events&start_time=" + start(position)
                    + (pageSize < 1000 ? "&per_page=" + pageSize : "");
        }

        @Override
        List<StreamRecord> records(PageReader.Page read) {
            List<StreamRecord> records = new ArrayList<>(read.items().size());
            for (PageReader.Item element : read.items()) {
                RawRecord event = element.record();
                long version =
                        event.isNumber("timestamp") ? event.asLong("timestamp", 0) : epochSecond(event, "created_at");
                for (RawRecord child : element.children()) {
                    String type = child.isString("event_type") ? child.text("event_type") : child.text("type");
                    if (!"Comment".equals(type)) {
                        continue;
                    }
                    long ticketId =
                            child.isNumber("ticket_id") ? child.asLong("ticket_id", 0) : event.asLong("ticket_id", 0);
                    String createdAt = child.isString("created_at")
                            ? child.text("created_at")
                            : event.isString("created_at") ? event.text("created_at") : null;
                    records.add(new StreamRecord(child.asLong("id", 0), version, child, ticketId, createdAt));
                }
            }
            return records;
        }

        @Override
        ExportPage parse(PageReader.Page read, StreamPosition position, int pageSize) {
            ExportPage page = super.parse(read, position, pageSize);
            if (page.next().originTime() == null && !read.items().isEmpty()) {
                // A page of events without comments still tells where the stream begins.
                long first = read.items().get(0).record().asLong("timestamp", TimeExport.start(position));
                StreamPosition next = page.next();
                return new ExportPage(
                        page.records(),
                        new StreamPosition(next.cursor(), next.cursorTime(), first),
                        page.endOfStream());
            }
            return page;
        }
    }

    /** A field holding an ISO-8601 time (or epoch seconds) as epoch seconds; 0 when absent or unreadable. */
    static long epochSecond(RawRecord record, String field) {
        if (record.isNumber(field)) {
            return record.asLong(field, 0);
        }
        String text = record.text(field);
        if (text == null) {
            return 0;
        }
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toEpochSecond();
            } catch (DateTimeParseException again) {
                return 0;
            }
        }
    }
}
