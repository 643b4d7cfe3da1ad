package io.deskbridge.desk.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.Includes;
import io.deskbridge.desk.export.ExportPaging.CursorSlice;
import io.deskbridge.desk.export.ExportPaging.Position;
import io.deskbridge.desk.export.ExportPaging.TimeSlice;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.CursorCodec;
import io.deskbridge.desk.ticket.AuditEvent;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketAudit;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.ticket.TicketJsonWriter;
import io.deskbridge.desk.ticket.TicketMetricJson;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.ticket.Via;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserIdentities;
import io.deskbridge.desk.user.UserIdentityJson;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Incremental exports, Zendesk's way; the paging rules are {@link ExportPaging}'s. Deleted tickets
 * appear with {@code status: "deleted"} unless {@code exclude_deleted=true}; {@code include=metric_sets}
 * embeds each ticket's {@code metric_set}.
 */
@RestController
class IncrementalExportController {

    private static final JsonNode EMPTY_OBJECT = JsonNodeFactory.instance.objectNode();

    private final Tickets tickets;
    private final Users users;
    private final Organizations organizations;
    private final CursorCodec cursors;
    private final ExportPaging paging;
    private final UserIdentities identities;

    IncrementalExportController(
            Tickets tickets,
            Users users,
            Organizations organizations,
            CursorCodec cursors,
            ExportPaging paging,
            UserIdentities identities) {
        this.identities = identities;
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.cursors = cursors;
        this.paging = paging;
    }

    /** The fields of a cursor export page, beside the resource's array. */
    record CursorFields(
            String afterUrl, String afterCursor, String beforeUrl, String beforeCursor, boolean endOfStream) {}

    /** The fields of a time-based export page, beside the resource's array. */
    record TimeFields(long count, long endTime, String nextPage, boolean endOfStream) {}

    record TicketsCursorResponse(
            List<ExportedTicket> tickets, @JsonUnwrapped CursorFields paging) {}

    /** With {@code include=identities}, the exported users' identities as a top-level list (Airbyte's user_identities stream). */
    record UsersCursorResponse(
            List<UserJson> users,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UserIdentityJson> identities,
            @JsonUnwrapped CursorFields paging) {}

    record TicketsTimeResponse(
            List<ExportedTicket> tickets, @JsonUnwrapped TimeFields paging) {}

    /**
     * A ticket as the exports show it: with {@code include=metric_sets}, its metric set embedded as
     * {@code metric_set} (what tap-zendesk reads: {@code ticket["metric_set"]}, streams.py), computed
     * from the ticket's audits like {@code /ticket_metrics}. Written by {@link TicketJsonWriter} (a page
     * holds up to 1,000 tickets; issue 17): the ticket object as Jackson would write it, then
     * {@code metric_set} when there is one.
     */
    @JsonSerialize(using = ExportedTicket.Writer.class)
    record ExportedTicket(TicketJson ticket, TicketMetricJson metricSet) {

        private static final SerializedString METRIC_SET = new SerializedString("metric_set");

        static final class Writer extends ValueSerializer<ExportedTicket> {
            @Override
            public void serialize(ExportedTicket value, JsonGenerator gen, SerializationContext context) {
                gen.writeStartObject(value);
                TicketJsonWriter.writeFields(value.ticket(), gen);
                if (value.metricSet() != null) {
                    gen.writeName(METRIC_SET);
                    context.writeValue(gen, value.metricSet());
                }
                gen.writeEndObject();
            }
        }
    }

    record UsersTimeResponse(
            List<UserJson> users,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UserIdentityJson> identities,
            @JsonUnwrapped TimeFields paging) {}

    record OrganizationsTimeResponse(
            List<ExportedOrganization> organizations,
            @JsonUnwrapped TimeFields paging) {}

    record TicketEventsResponse(
            List<TicketEventJson> ticketEvents,
            @JsonUnwrapped TimeFields paging) {}

    /** An organization as exports show it: with {@code deleted_at}. */
    record ExportedOrganization(@JsonUnwrapped OrganizationJson organization, Instant deletedAt) {}

    /** Zendesk's ticket event: one per audit, its changes as child events. */
    record TicketEventJson(
            long id,
            long ticketId,
            long timestamp,
            Instant createdAt,
            long updaterId,
            Via via,
            JsonNode system,
            JsonNode metadata,
            String eventType,
            List<ChildEvent> childEvents,
            List<Long> mergedTicketIds) {}

    /** An audit event plus where it happened; comments also carry their {@code via}. */
    record ChildEvent(
            @JsonUnwrapped AuditEvent event,
            String eventType,
            long ticketId,
            Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Via via) {}

    @GetMapping("/api/v2/incremental/tickets/cursor")
    TicketsCursorResponse ticketsCursor(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(name = "exclude_deleted", defaultValue = "false") boolean excludeDeleted,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = ExportPaging.perPage(perPage);
        long max = paging.maxTimestamp();
        Position from = cursor != null ? decode("tickets", cursor) : new Position(ExportPaging.startTime(startTime), 0);
        CursorSlice<Ticket> slice = ExportPaging.cursor(
                from,
                size,
                (after, limit) -> tickets.exportAfter(after.timestamp(), after.id(), max, excludeDeleted, limit),
                Ticket::generatedTimestamp,
                Ticket::id);
        return new TicketsCursorResponse(exported(slice.rows(), include), cursorFields("tickets", slice, request));
    }

    @GetMapping("/api/v2/incremental/users/cursor")
    UsersCursorResponse usersCursor(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = ExportPaging.perPage(perPage);
        long max = paging.maxTimestamp();
        // users.updated_at is kept to the second, so the position's second-resolution is exact.
        Position from = cursor != null ? decode("users", cursor) : new Position(ExportPaging.startTime(startTime), 0);
        CursorSlice<UserAccount> slice = ExportPaging.cursor(
                from,
                size,
                (after, limit) -> users.exportAfter(
                        Instant.ofEpochSecond(after.timestamp()), after.id(), Instant.ofEpochSecond(max), limit),
                u -> u.updatedAt().getEpochSecond(),
                UserAccount::id);
        String base = base();
        return new UsersCursorResponse(
                slice.rows().stream().map(u -> UserJson.of(u, base)).toList(),
                identitiesOf(slice.rows(), include, base),
                cursorFields("users", slice, request));
    }

    @GetMapping("/api/v2/incremental/tickets")
    TicketsTimeResponse ticketsByTime(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(name = "exclude_deleted", defaultValue = "false") boolean excludeDeleted,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = ExportPaging.perPage(perPage);
        long max = paging.maxTimestamp();
        long start = ExportPaging.startTime(startTime);
        TimeSlice<Ticket> slice = ExportPaging.time(
                start,
                size,
                (after, limit) -> tickets.exportAfter(after.timestamp(), after.id(), max, excludeDeleted, limit),
                (second, afterId) -> tickets.exportAfter(second, afterId, second, excludeDeleted, Integer.MAX_VALUE),
                Ticket::generatedTimestamp,
                Ticket::id);
        return new TicketsTimeResponse(exported(slice.rows(), include), timeFields(slice, request));
    }

    @GetMapping("/api/v2/incremental/users")
    UsersTimeResponse usersByTime(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = ExportPaging.perPage(perPage);
        long max = paging.maxTimestamp();
        long start = ExportPaging.startTime(startTime);
        TimeSlice<UserAccount> slice = ExportPaging.time(
                start,
                size,
                (after, limit) -> users.exportAfter(
                        Instant.ofEpochSecond(after.timestamp()), after.id(), Instant.ofEpochSecond(max), limit),
                (second, afterId) -> users.exportAfter(
                        Instant.ofEpochSecond(second), afterId, Instant.ofEpochSecond(second), Integer.MAX_VALUE),
                u -> u.updatedAt().getEpochSecond(),
                UserAccount::id);
        String base = base();
        return new UsersTimeResponse(
                slice.rows().stream().map(u -> UserJson.of(u, base)).toList(),
                identitiesOf(slice.rows(), include, base),
                timeFields(slice, request));
    }

    @GetMapping("/api/v2/incremental/organizations")
    OrganizationsTimeResponse organizationsByTime(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            HttpServletRequest request) {
        int size = ExportPaging.perPage(perPage);
        long max = paging.maxTimestamp();
        long start = ExportPaging.startTime(startTime);
        TimeSlice<Organization> slice = ExportPaging.time(
                start,
                size,
                (after, limit) -> organizations.exportAfter(
                        Instant.ofEpochSecond(after.timestamp()), after.id(), Instant.ofEpochSecond(max), limit),
                (second, afterId) -> organizations.exportAfter(
                        Instant.ofEpochSecond(second), afterId, Instant.ofEpochSecond(second), Integer.MAX_VALUE),
                o -> o.updatedAt().getEpochSecond(),
                Organization::id);
        String base = base();
        return new OrganizationsTimeResponse(
                slice.rows().stream()
                        .map(o -> new ExportedOrganization(
                                OrganizationJson.of(o, base), o.deleted() ? o.updatedAt() : null))
                        .toList(),
                timeFields(slice, request));
    }

    /**
     * Ticket events: one Audit event per ticket create/update with its changes as child events;
     * comments become child events only with {@code include=comment_events}, as in Zendesk.
     */
    @GetMapping("/api/v2/incremental/ticket_events")
    TicketEventsResponse ticketEvents(
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        int size = ExportPaging.perPage(perPage);
        long max = paging.maxTimestamp();
        long start = ExportPaging.startTime(startTime);
        boolean comments = include != null && include.contains("comment_events");
        // Audits are read from the start second inclusive (their export has no id position).
        TimeSlice<TicketAudit> slice =
                ExportPaging.wholeSeconds(
                        start,
                        size,
                        tickets.auditsFrom(Instant.ofEpochSecond(start), Instant.ofEpochSecond(max), size),
                        (second, afterId) -> tickets
                                .auditsFrom(
                                        Instant.ofEpochSecond(second), Instant.ofEpochSecond(second), Integer.MAX_VALUE)
                                .stream()
                                .filter(a -> a.id() > afterId)
                                .toList(),
                        a -> a.createdAt().getEpochSecond(),
                        TicketAudit::id);
        List<TicketEventJson> events =
                slice.rows().stream().map(a -> ticketEvent(a, comments)).toList();
        return new TicketEventsResponse(events, timeFields(slice, request));
    }

    private static TicketEventJson ticketEvent(TicketAudit audit, boolean withComments) {
        List<ChildEvent> children = new ArrayList<>();
        for (AuditEvent event : audit.events()) {
            boolean comment = event instanceof AuditEvent.Comment;
            if (comment && !withComments) {
                continue;
            }
            children.add(new ChildEvent(
                    event,
                    event.type(),
                    audit.ticketId(),
                    audit.createdAt(),
                    comment ? Via.of(audit.viaChannel()) : null));
        }
        return new TicketEventJson(
                audit.id(),
                audit.ticketId(),
                audit.createdAt().getEpochSecond(),
                audit.createdAt(),
                audit.authorId() == null ? -1L : audit.authorId(),
                Via.of(audit.viaChannel()),
                EMPTY_OBJECT,
                EMPTY_OBJECT,
                "Audit",
                children,
                List.of());
    }

    private List<ExportedTicket> exported(List<Ticket> rows, String include) {
        String base = base();
        if (include == null || !include.contains("metric_sets")) {
            return rows.stream()
                    .map(t -> new ExportedTicket(TicketJson.of(t, base), null))
                    .toList();
        }
        List<TicketMetricJson> metrics = tickets.metrics(rows, base);
        List<ExportedTicket> exported = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            exported.add(new ExportedTicket(TicketJson.of(rows.get(i), base), metrics.get(i)));
        }
        return exported;
    }

    private CursorFields cursorFields(String key, CursorSlice<?> slice, HttpServletRequest request) {
        String afterCursor = encode(key, slice.after());
        String beforeCursor = slice.before() == null ? null : encode(key, slice.before());
        return new CursorFields(
                link(request, "cursor", afterCursor),
                afterCursor,
                beforeCursor == null ? null : link(request, "cursor", beforeCursor),
                beforeCursor,
                slice.endOfStream());
    }

    private static TimeFields timeFields(TimeSlice<?> slice, HttpServletRequest request) {
        return new TimeFields(
                slice.rows().size(),
                slice.endTime(),
                link(request, "start_time", Long.toString(slice.endTime())),
                slice.endOfStream());
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

    /** The current URL with {@code name=value} set and start_time/cursor otherwise dropped. */
    private static String link(HttpServletRequest request, String name, String value) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromContextPath(request)
                .path(request.getRequestURI().substring(request.getContextPath().length()) + ".json");
        request.getParameterMap().forEach((param, values) -> {
            if (!param.equals("start_time") && !param.equals("cursor")) {
                builder.queryParam(param, (Object[]) values);
            }
        });
        builder.queryParam(name, value);
        return builder.build().encode().toUriString();
    }

    /**
     * {@code include=identities}: every identity of the page's users, as Zendesk sideloads them (the
     * user's identities, not only those changed since start_time); null (left out) otherwise.
     */
    private List<UserIdentityJson> identitiesOf(List<UserAccount> rows, String include, String base) {
        if (!Includes.has(include, "identities")) {
            return null;
        }
        return identities.ofUsers(rows.stream().map(UserAccount::id).toList()).stream()
                .map(i -> UserIdentityJson.of(i, base))
                .toList();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
