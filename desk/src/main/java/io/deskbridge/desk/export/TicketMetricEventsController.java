package io.deskbridge.desk.export;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.export.ExportPaging.CursorSlice;
import io.deskbridge.desk.export.ExportPaging.Position;
import io.deskbridge.desk.export.ExportPaging.TimeSlice;
import io.deskbridge.desk.pagination.CursorCodec;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.TicketMetricEventJson;
import io.deskbridge.desk.ticket.TicketMetricEventLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /incremental/ticket_metric_events}: every ticket's metric events from {@code start_time},
 * in time order, derived from the audits ({@link TicketMetricEventLog}).
 *
 * <p>Two ways to page, as Zendesk's document says ("Cursor pagination returns a maximum of 100 records
 * per page ... If the results are not paginated, events will be returned as a time-based incremental
 * export"), and as the connectors read it (docs/connector-catalog.md):
 *
 * <ul>
 *   <li>With {@code page[size]} (dlt; Airbyte 4.x): cursor pages of at most 100, {@code meta.has_more},
 *       {@code meta.after_cursor}, {@code links.next} (null on the last page); {@code page[after]} goes on.
 *   <li>Without (Airbyte 5.x, tap-zendesk through zenpy): a time-based export of up to 1,000 events
 *       ({@code per_page} lowers it) with {@code count}, {@code end_time}, {@code next_page} (this URL with
 *       {@code start_time=end_time}) and {@code end_of_stream}; the events of {@code end_time}'s second
 *       come again on the next page, as Zendesk documents for time-based exports.
 * </ul>
 *
 * {@code start_time} is read as the other exports read it ({@link ExportPaging#startTime(String)}: a
 * float or a start inside the freshness window is fine; tap-zendesk's discovery probes with now).
 * {@code exclude_deleted=true} leaves out deleted tickets' events.
 */
@RestController
class TicketMetricEventsController {

    private static final String SCOPE = "export:ticket_metric_events";
    private static final Set<String> CURSOR_PARAMETERS = Set.of("page[size]", "page[after]", "page[before]");

    private final TicketMetricEventLog log;
    private final CursorCodec cursors;
    private final ExportPaging paging;

    TicketMetricEventsController(TicketMetricEventLog log, CursorCodec cursors, ExportPaging paging) {
        this.log = log;
        this.cursors = cursors;
        this.paging = paging;
    }

    /** The fields of a time-based page, beside the events. */
    record TimeFields(long count, long endTime, String nextPage, boolean endOfStream) {}

    /** A page of events in either paging style. */
    sealed interface EventsResponse permits TimeResponse, CursorResponse {}

    record TimeResponse(
            List<TicketMetricEventJson> ticketMetricEvents,
            @JsonUnwrapped TimeFields paging) implements EventsResponse {}

    record CursorResponse(
            List<TicketMetricEventJson> ticketMetricEvents,
            @JsonUnwrapped Paging paging) implements EventsResponse {}

    @GetMapping("/api/v2/incremental/ticket_metric_events")
    EventsResponse events(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(name = "exclude_deleted", defaultValue = "false") boolean excludeDeleted,
            HttpServletRequest request) {
        long max = paging.maxTimestamp();
        boolean cursorMode = request.getParameterMap().keySet().stream().anyMatch(CURSOR_PARAMETERS::contains);
        if (cursorMode) {
            return cursorPage(startTime, excludeDeleted, max, request);
        }
        int size = ExportPaging.perPage(perPage);
        long start = ExportPaging.startTime(startTime);
        TimeSlice<TicketMetricEventJson> slice = ExportPaging.time(
                start,
                size,
                (after, limit) -> log.after(after.timestamp(), after.id(), max, limit, excludeDeleted),
                (second, afterId) -> log.after(second, afterId, second, Integer.MAX_VALUE, excludeDeleted),
                e -> e.time().getEpochSecond(),
                TicketMetricEventJson::id);
        return new TimeResponse(
                slice.rows(),
                new TimeFields(
                        slice.rows().size(),
                        slice.endTime(),
                        link(request, "start_time", Long.toString(slice.endTime()), Set.of("start_time")),
                        slice.endOfStream()));
    }

    private CursorResponse cursorPage(String startTime, boolean excludeDeleted, long max, HttpServletRequest request) {
        PageRequest.Cursor page = (PageRequest.Cursor) PageRequest.from(request);
        if (page.before() != null) {
            throw new BadRequestException(
                    "InvalidPaginationParameter",
                    "ticket_metric_events is an incremental export: it pages forward only (page[after]), not"
                            + " page[before]");
        }
        Position from = page.after() != null
                ? decode(page.after())
                : new Position(ExportPaging.startTime(startTime) - 1, Long.MAX_VALUE);
        CursorSlice<TicketMetricEventJson> slice = ExportPaging.cursor(
                from,
                page.size(),
                (after, limit) -> log.after(after.timestamp(), after.id(), max, limit, excludeDeleted),
                e -> e.time().getEpochSecond(),
                TicketMetricEventJson::id);
        String afterCursor = encode(slice.after());
        String beforeCursor = slice.before() == null ? null : encode(slice.before());
        boolean hasMore = !slice.endOfStream();
        Set<String> replaced = Set.of("page[after]", "page[before]");
        return new CursorResponse(
                slice.rows(),
                new Paging.Cursor(
                        new Paging.Meta(hasMore, afterCursor, beforeCursor),
                        new Paging.Links(
                                beforeCursor == null ? null : link(request, "page[before]", beforeCursor, replaced),
                                hasMore ? link(request, "page[after]", afterCursor, replaced) : null)));
    }

    private String encode(Position position) {
        return cursors.encode(SCOPE, List.of(Long.toString(position.timestamp()), Long.toString(position.id())));
    }

    private Position decode(String cursor) {
        List<String> values = cursors.decode(SCOPE, cursor, 2);
        try {
            return new Position(Long.parseLong(values.get(0)), Long.parseLong(values.get(1)));
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
        }
    }

    /** This URL with {@code name=value} set, the {@code replaced} parameters dropped, the others kept. */
    private static String link(HttpServletRequest request, String name, String value, Set<String> replaced) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromContextPath(request)
                .path(request.getRequestURI().substring(request.getContextPath().length()));
        request.getParameterMap().forEach((param, values) -> {
            if (!replaced.contains(param) && !param.equals(name)) {
                builder.queryParam(param, (Object[]) values);
            }
        });
        builder.queryParam(name, value);
        return builder.build().encode().toUriString();
    }
}
