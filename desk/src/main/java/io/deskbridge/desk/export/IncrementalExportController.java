package io.deskbridge.desk.export;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.CursorCodec;
import io.deskbridge.desk.ratelimit.ApiLimits;
import io.deskbridge.desk.ratelimit.PlanLimits;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketAudit;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * Incremental exports, Zendesk's way, with the awkward parts kept:
 *
 * <ul>
 *   <li>Records are compared on {@code generated_timestamp} (tickets; it moves on every change) or
 *       {@code updated_at} (users, organizations), never served while younger than the freshness
 *       window (60 s; {@link PlanLimits#exportFreshnessSeconds()} in sandbox mode), and a
 *       {@code start_time} inside that window is a 400 {@code StartTimeTooRecent}.
 *   <li>Cursor exports position on (timestamp, id), signed: however many records share one second,
 *       none is skipped or repeated, and a forged cursor is a 400 {@code InvalidCursor}.
 *   <li>Time-based exports end a page at the last record's timestamp and the next page starts there,
 *       so that second's records repeat (Zendesk's documented duplicates). Decision: when every
 *       record of a full page shares one second, the page takes the whole second and ends after it,
 *       so a busy second can never loop forever.
 *   <li>Deleted tickets appear with {@code status: "deleted"} unless {@code exclude_deleted=true};
 *       {@code include=metric_sets} is accepted (desk computes no metrics yet: an empty list).
 * </ul>
 */
@RestController
class IncrementalExportController {

    static final int MAX_PER_PAGE = 1000;

    private final Tickets tickets;
    private final Users users;
    private final Organizations organizations;
    private final CursorCodec cursors;
    private final ApiLimits limits;
    private final ObjectMapper json;
    private final Clock clock;

    IncrementalExportController(
            Tickets tickets,
            Users users,
            Organizations organizations,
            CursorCodec cursors,
            ApiLimits limits,
            ObjectMapper json,
            Clock clock) {
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.cursors = cursors;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    /** A position in an export: (timestamp in epoch seconds, id); rows strictly after it come next. */
    record Position(long timestamp, long id) {}

    @GetMapping("/api/v2/incremental/tickets/cursor")
    Map<String, Object> ticketsCursor(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(name = "exclude_deleted", defaultValue = "false") boolean excludeDeleted,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = perPage(perPage);
        long max = maxTimestamp();
        Position from = cursor != null ? decode("tickets", cursor) : new Position(startTime(startTime, max), 0);
        List<Ticket> rows = tickets.exportAfter(from.timestamp(), from.id(), max, excludeDeleted, size + 1);
        String base = base();
        Map<String, Object> body = cursorPage(
                "tickets",
                rows,
                size,
                from,
                Ticket::generatedTimestamp,
                Ticket::id,
                t -> TicketJson.ticket(t, base),
                request);
        if (include != null && include.contains("metric_sets")) {
            body.put("metric_sets", List.of());
        }
        return body;
    }

    @GetMapping("/api/v2/incremental/users/cursor")
    Map<String, Object> usersCursor(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        int size = perPage(perPage);
        long max = maxTimestamp();
        // users.updated_at is kept to the second, so the position's second-resolution is exact.
        Position from = cursor != null ? decode("users", cursor) : new Position(startTime(startTime, max), 0);
        List<UserAccount> rows = users.exportAfter(
                Instant.ofEpochSecond(from.timestamp()), from.id(), Instant.ofEpochSecond(max), size + 1);
        String base = base();
        return cursorPage(
                "users",
                rows,
                size,
                from,
                u -> u.updatedAt().getEpochSecond(),
                UserAccount::id,
                u -> UserJson.of(u, base),
                request);
    }

    @GetMapping("/api/v2/incremental/tickets")
    Map<String, Object> ticketsByTime(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(name = "exclude_deleted", defaultValue = "false") boolean excludeDeleted,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = perPage(perPage);
        long max = maxTimestamp();
        long start = startTime(startTime, max);
        String base = base();
        Map<String, Object> body = timePage(
                "tickets",
                start,
                size,
                (after, limit) -> tickets.exportAfter(after.timestamp(), after.id(), max, excludeDeleted, limit),
                (second, afterId) -> tickets.exportAfter(second, afterId, second, excludeDeleted, Integer.MAX_VALUE),
                Ticket::generatedTimestamp,
                Ticket::id,
                t -> TicketJson.ticket(t, base),
                request);
        if (include != null && include.contains("metric_sets")) {
            body.put("metric_sets", List.of());
        }
        return body;
    }

    @GetMapping("/api/v2/incremental/users")
    Map<String, Object> usersByTime(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        int size = perPage(perPage);
        long max = maxTimestamp();
        long start = startTime(startTime, max);
        String base = base();
        return timePage(
                "users",
                start,
                size,
                (after, limit) -> users.exportAfter(
                        Instant.ofEpochSecond(after.timestamp()), after.id(), Instant.ofEpochSecond(max), limit),
                (second, afterId) -> users.exportAfter(
                        Instant.ofEpochSecond(second), afterId, Instant.ofEpochSecond(second), Integer.MAX_VALUE),
                u -> u.updatedAt().getEpochSecond(),
                UserAccount::id,
                u -> UserJson.of(u, base),
                request);
    }

    @GetMapping("/api/v2/incremental/organizations")
    Map<String, Object> organizationsByTime(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        int size = perPage(perPage);
        long max = maxTimestamp();
        long start = startTime(startTime, max);
        String base = base();
        return timePage(
                "organizations",
                start,
                size,
                (after, limit) -> organizations.exportAfter(
                        Instant.ofEpochSecond(after.timestamp()), after.id(), Instant.ofEpochSecond(max), limit),
                (second, afterId) -> organizations.exportAfter(
                        Instant.ofEpochSecond(second), afterId, Instant.ofEpochSecond(second), Integer.MAX_VALUE),
                o -> o.updatedAt().getEpochSecond(),
                Organization::id,
                o -> organizationJson(o, base),
                request);
    }

    /**
     * Ticket events: one Audit event per ticket create/update with its changes as child events;
     * comments become child events only with {@code include=comment_events}, as in Zendesk.
     */
    @GetMapping("/api/v2/incremental/ticket_events")
    Map<String, Object> ticketEvents(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = perPage(perPage);
        long max = maxTimestamp();
        long start = startTime(startTime, max);
        boolean comments = include != null && include.contains("comment_events");
        Instant maxInstant = Instant.ofEpochSecond(max);
        List<TicketAudit> audits = tickets.auditsFrom(Instant.ofEpochSecond(start), maxInstant, size);
        long endTime = start;
        boolean endOfStream = audits.size() < size;
        if (!audits.isEmpty()) {
            long first = audits.get(0).createdAt().getEpochSecond();
            long last = audits.get(audits.size() - 1).createdAt().getEpochSecond();
            endTime = last;
            if (!endOfStream && first == last) {
                audits =
                        tickets.auditsFrom(Instant.ofEpochSecond(last), Instant.ofEpochSecond(last), Integer.MAX_VALUE);
                endTime = last + 1;
            }
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (TicketAudit audit : audits) {
            events.add(ticketEvent(audit, comments));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket_events", events);
        body.put("count", events.size());
        body.put("end_time", endTime);
        body.put("next_page", link(request, Map.of("start_time", Long.toString(endTime))));
        body.put("end_of_stream", endOfStream);
        return body;
    }

    private Map<String, Object> ticketEvent(TicketAudit audit, boolean withComments) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (Map<String, Object> event : audit.events()) {
            boolean comment = "Comment".equals(event.get("type"));
            if (comment && !withComments) {
                continue;
            }
            Map<String, Object> child = new LinkedHashMap<>(event);
            child.put("event_type", event.get("type"));
            child.put("ticket_id", audit.ticketId());
            child.put("created_at", audit.createdAt());
            if (comment) {
                child.put("via", TicketJson.via(audit.viaChannel()));
            }
            children.add(child);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", audit.id());
        m.put("ticket_id", audit.ticketId());
        m.put("timestamp", audit.createdAt().getEpochSecond());
        m.put("created_at", audit.createdAt());
        m.put("updater_id", audit.authorId() == null ? -1L : audit.authorId());
        m.put("via", TicketJson.via(audit.viaChannel()));
        m.put("system", Map.of());
        m.put("metadata", Map.of());
        m.put("event_type", "Audit");
        m.put("child_events", children);
        m.put("merged_ticket_ids", List.of());
        return m;
    }

    private <T> Map<String, Object> cursorPage(
            String key,
            List<T> rows,
            int size,
            Position from,
            ToLongFunction<T> timestampOf,
            ToLongFunction<T> idOf,
            Function<T, Object> toJson,
            HttpServletRequest request) {
        boolean more = rows.size() > size;
        List<T> page = more ? rows.subList(0, size) : rows;
        Position after = page.isEmpty()
                ? from
                : new Position(
                        timestampOf.applyAsLong(page.get(page.size() - 1)),
                        idOf.applyAsLong(page.get(page.size() - 1)));
        String afterCursor = encode(key, after);
        String beforeCursor = page.isEmpty()
                ? null
                : encode(key, new Position(timestampOf.applyAsLong(page.get(0)), idOf.applyAsLong(page.get(0)) - 1));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, page.stream().map(toJson).toList());
        body.put("after_url", link(request, Map.of("cursor", afterCursor)));
        body.put("after_cursor", afterCursor);
        body.put("before_url", beforeCursor == null ? null : link(request, Map.of("cursor", beforeCursor)));
        body.put("before_cursor", beforeCursor);
        body.put("end_of_stream", !more);
        return body;
    }

    @FunctionalInterface
    private interface PageQuery<T> {
        List<T> fetch(Position after, int limit);
    }

    @FunctionalInterface
    private interface SecondQuery<T> {
        List<T> rest(long second, long afterId);
    }

    private <T> Map<String, Object> timePage(
            String key,
            long start,
            int size,
            PageQuery<T> query,
            SecondQuery<T> restOfSecond,
            ToLongFunction<T> timestampOf,
            ToLongFunction<T> idOf,
            Function<T, Object> toJson,
            HttpServletRequest request) {
        List<T> rows = new ArrayList<>(query.fetch(new Position(start - 1, Long.MAX_VALUE), size));
        boolean endOfStream = rows.size() < size;
        long endTime = start;
        if (!rows.isEmpty()) {
            T last = rows.get(rows.size() - 1);
            long lastSecond = timestampOf.applyAsLong(last);
            endTime = lastSecond;
            if (!endOfStream && timestampOf.applyAsLong(rows.get(0)) == lastSecond) {
                rows.addAll(restOfSecond.rest(lastSecond, idOf.applyAsLong(last)));
                endTime = lastSecond + 1;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, rows.stream().map(toJson).toList());
        body.put("count", rows.size());
        body.put("end_time", endTime);
        body.put("next_page", link(request, Map.of("start_time", Long.toString(endTime))));
        body.put("end_of_stream", endOfStream);
        return body;
    }

    private Map<String, Object> organizationJson(Organization o, String base) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>(json.convertValue(OrganizationJson.of(o, base), Map.class));
        m.put("deleted_at", o.deleted() ? o.updatedAt() : null);
        return m;
    }

    private String encode(String key, Position position) {
        return cursors.encode(
                "export:" + key, List.of(Long.toString(position.timestamp()), Long.toString(position.id())));
    }

    private Position decode(String key, String cursor) {
        List<String> values = cursors.decode("export:" + key, cursor, 2);
        try {
            return new Position(Long.parseLong(values.get(0)), Long.parseLong(values.get(1)));
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
        }
    }

    /** The newest second an export may serve now: older than the freshness window. */
    private long maxTimestamp() {
        return clock.instant().getEpochSecond() - limits.current().exportFreshnessSeconds();
    }

    private long startTime(String value, long max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("InvalidValue", "start_time is required (epoch seconds), or send a cursor");
        }
        long start;
        try {
            start = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidValue", "start_time must be a whole number of epoch seconds (got \"" + value + "\")");
        }
        if (start < 0) {
            throw new BadRequestException("InvalidValue", "start_time must not be negative (got " + start + ")");
        }
        if (start > max) {
            throw new BadRequestException(
                    "StartTimeTooRecent",
                    "start_time must be more than " + limits.current().exportFreshnessSeconds() + " seconds ago");
        }
        return start;
    }

    private static int perPage(String value) {
        if (value == null || value.isBlank()) {
            return MAX_PER_PAGE;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= MAX_PER_PAGE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new BadRequestException(
                "InvalidPaginationParameter",
                "per_page must be from 1 to " + MAX_PER_PAGE + " (got \"" + value + "\")");
    }

    /** The current URL with {@code replace} set and start_time/cursor otherwise dropped. */
    private static String link(HttpServletRequest request, Map<String, String> replace) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromContextPath(request)
                .path(request.getRequestURI().substring(request.getContextPath().length()) + ".json");
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("start_time") && !name.equals("cursor")) {
                builder.queryParam(name, (Object[]) values);
            }
        });
        replace.forEach(builder::queryParam);
        return builder.build().encode().toUriString();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
