package io.deskbridge.sync.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

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

    abstract ExportPage parse(JsonNode body, StreamPosition position, int pageSize);

    static ExportStream of(StreamName name) {
        return switch (name) {
            case TICKETS -> new CursorExport(name, "/api/v2/incremental/tickets/cursor.json", "tickets");
            case USERS -> new CursorExport(name, "/api/v2/incremental/users/cursor.json", "users");
            case ORGANIZATIONS -> new TimeExport(name, "/api/v2/incremental/organizations.json", "organizations");
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
        private final String key;

        CursorExport(StreamName name, String path, String key) {
            this.name = name;
            this.path = path;
            this.key = key;
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
        ExportPage parse(JsonNode body, StreamPosition position, int pageSize) {
            JsonNode items = body.get(key);
            List<StreamRecord> records = new ArrayList<>();
            Long newest = position.cursorTime();
            Long first = null;
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    long version = name == StreamName.TICKETS
                                    && item.path("generated_timestamp").isNumber()
                            ? item.get("generated_timestamp").asLong()
                            : epochSecond(item.get("updated_at"));
                    records.add(new StreamRecord(item.path("id").asLong(), version, item, null, null));
                    if (first == null) {
                        first = version;
                    }
                    if (newest == null || version > newest) {
                        newest = version;
                    }
                }
            }
            JsonNode after = body.get("after_cursor");
            String cursor =
                    after != null && after.isString() && !after.asString().isEmpty()
                            ? after.asString()
                            : position.cursor();
            boolean end = body.has("end_of_stream") ? body.get("end_of_stream").asBoolean() : records.size() < pageSize;
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
        private final String key;

        TimeExport(StreamName name, String path, String key) {
            this.name = name;
            this.path = path;
            this.key = key;
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

        List<StreamRecord> records(JsonNode body) {
            List<StreamRecord> records = new ArrayList<>();
            JsonNode items = body.get(key);
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    records.add(new StreamRecord(
                            item.path("id").asLong(), epochSecond(item.get("updated_at")), item, null, null));
                }
            }
            return records;
        }

        @Override
        ExportPage parse(JsonNode body, StreamPosition position, int pageSize) {
            List<StreamRecord> records = records(body);
            long start = start(position);
            boolean end = body.has("end_of_stream") ? body.get("end_of_stream").asBoolean() : records.size() < pageSize;
            long endTime =
                    body.path("end_time").isNumber() ? body.get("end_time").asLong() : start;
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
            super(StreamName.TICKET_COMMENTS, "/api/v2/incremental/ticket_events.json", "ticket_events");
        }

        @Override
        String path(StreamPosition position, int pageSize) {
            return "/api/v2/incremental/ticket_events.json?include=comment_events&start_time=" + start(position)
                    + (pageSize < 1000 ? "&per_page=" + pageSize : "");
        }

        @Override
        List<StreamRecord> records(JsonNode body) {
            List<StreamRecord> records = new ArrayList<>();
            JsonNode events = body.get("ticket_events");
            if (events == null || !events.isArray()) {
                return records;
            }
            for (JsonNode event : events) {
                long version = event.path("timestamp").isNumber()
                        ? event.get("timestamp").asLong()
                        : epochSecond(event.get("created_at"));
                JsonNode children = event.get("child_events");
                if (children == null || !children.isArray()) {
                    continue;
                }
                for (JsonNode child : children) {
                    String type = child.path("event_type").isString()
                            ? child.get("event_type").asString()
                            : child.path("type").asString("");
                    if (!"Comment".equals(type)) {
                        continue;
                    }
                    long ticketId = child.path("ticket_id").isNumber()
                            ? child.get("ticket_id").asLong()
                            : event.path("ticket_id").asLong();
                    String createdAt = child.path("created_at").isString()
                            ? child.get("created_at").asString()
                            : event.path("created_at").asString(null);
                    records.add(new StreamRecord(child.path("id").asLong(), version, child, ticketId, createdAt));
                }
            }
            return records;
        }

        @Override
        ExportPage parse(JsonNode body, StreamPosition position, int pageSize) {
            ExportPage page = super.parse(body, position, pageSize);
            if (page.next().originTime() == null) {
                // A page of events without comments still tells where the stream begins.
                JsonNode events = body.get("ticket_events");
                if (events != null && events.isArray() && !events.isEmpty()) {
                    long first = events.get(0).path("timestamp").asLong(TimeExport.start(position));
                    StreamPosition next = page.next();
                    return new ExportPage(
                            page.records(),
                            new StreamPosition(next.cursor(), next.cursorTime(), first),
                            page.endOfStream());
                }
            }
            return page;
        }
    }

    /** An ISO-8601 time (or epoch seconds) as epoch seconds; 0 when absent or unreadable. */
    static long epochSecond(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Instant.parse(value.asString()).getEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value.asString()).toEpochSecond();
            } catch (DateTimeParseException again) {
                return 0;
            }
        }
    }
}
