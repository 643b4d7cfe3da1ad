package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.CountJson;
import io.deskbridge.desk.pagination.CursorCodec;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A ticket's history as Zendesk serves it: audits ({@code /tickets/{id}/audits}, offset or cursor
 * pagination; {@code /ticket_audits} across tickets, newest first, with {@code before_url}/
 * {@code after_url}) and the metric sets derived from them ({@code /ticket_metrics},
 * {@code /tickets/{id}/metrics}).
 */
@RestController
class TicketHistoryController {

    static final int MAX_AUDITS_LIMIT = 1000;
    private static final String AUDITS_SCOPE = "ticket_audits";

    private final Tickets tickets;
    private final Pager pager;
    private final CursorCodec cursors;
    private final Clock clock;

    TicketHistoryController(Tickets tickets, Pager pager, CursorCodec cursors, Clock clock) {
        this.tickets = tickets;
        this.pager = pager;
        this.cursors = cursors;
        this.clock = clock;
    }

    record AuditsResponse(
            List<AuditJson> audits, @JsonUnwrapped Paging paging) {}

    record AuditResponse(AuditJson audit) {}

    /** {@code /ticket_audits}: Zendesk's cursor fields, beside the audits. */
    record AllAuditsResponse(
            List<AuditJson> audits, String beforeUrl, String beforeCursor, String afterUrl, String afterCursor) {}

    record MetricsResponse(
            List<TicketMetricJson> ticketMetrics,
            @JsonUnwrapped Paging paging) {}

    record MetricResponse(TicketMetricJson ticketMetric) {}

    @GetMapping("/api/v2/tickets/{id}/audits")
    AuditsResponse audits(@PathVariable long id, HttpServletRequest request) {
        tickets.get(id);
        Page<AuditJson> page = pager.page(
                        "audits",
                        request,
                        Map.of("id", KeysetSort.Kind.ID, "created_at", KeysetSort.Kind.TIMESTAMP),
                        "id",
                        new Pager.Source<TicketAudit>() {
                            @Override
                            public long count() {
                                return tickets.countAudits(id);
                            }

                            @Override
                            public List<TicketAudit> fetch(PageQuery query) {
                                return tickets.audits(id, query);
                            }
                        },
                        TicketAudit::id,
                        (a, column) -> column.equals("created_at") ? a.createdAt() : a.id())
                .map(AuditJson::of);
        return new AuditsResponse(page.items(), page.paging());
    }

    @GetMapping("/api/v2/tickets/{id}/audits/count")
    CountJson auditCount(@PathVariable long id) {
        return CountJson.of(tickets.countAudits(id), clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @GetMapping("/api/v2/tickets/{id}/audits/{auditId}")
    AuditResponse audit(@PathVariable long id, @PathVariable long auditId) {
        return new AuditResponse(AuditJson.of(tickets.audit(id, auditId)));
    }

    /** Answers 200 with an empty body, as Zendesk's OAS documents. */
    @PutMapping("/api/v2/tickets/{id}/audits/{auditId}/make_private")
    ResponseEntity<Void> makePrivate(@PathVariable long id, @PathVariable long auditId) {
        tickets.makePrivate(id, auditId);
        return ResponseEntity.ok().build();
    }

    /**
     * Every ticket's audits, newest first, {@code limit} (1 to 1,000, default 1,000) at a time.
     * {@code before_url} leads to older audits and is null once there are none (Airbyte follows it
     * until a page is empty or it is null); {@code after_url} leads to audits newer than this page's
     * newest, for polling. Zendesk only sorts this list by {@code created_at} descending: desk accepts
     * {@code sort_by=created_at} and {@code sort_order=desc} (what Airbyte sends) and refuses other
     * orders rather than ignore them. Audit ids grow with time, so id order is created_at order.
     */
    @GetMapping("/api/v2/ticket_audits")
    AllAuditsResponse allAudits(
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit,
            @RequestParam(name = "sort_by", required = false) String sortBy,
            @RequestParam(name = "sort_order", required = false) String sortOrder,
            HttpServletRequest request) {
        if (sortBy != null && !sortBy.equals("created_at")) {
            throw new BadRequestException(
                    "InvalidParameter", "sort_by must be created_at for ticket_audits (got \"" + sortBy + "\")");
        }
        if (sortOrder != null && !sortOrder.equals("desc")) {
            throw new BadRequestException(
                    "InvalidParameter", "sort_order must be desc for ticket_audits (got \"" + sortOrder + "\")");
        }
        int size = limit(limit);
        boolean newer = false;
        Long boundary = null;
        if (cursor != null) {
            List<String> values = cursors.decode(AUDITS_SCOPE, cursor, 2);
            newer = values.get(0).equals("after");
            try {
                boundary = Long.parseLong(values.get(1));
            } catch (NumberFormatException e) {
                throw new BadRequestException(
                        "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
            }
        }
        List<TicketAudit> rows = new ArrayList<>(
                newer ? tickets.auditsAfter(boundary, size + 1) : tickets.auditsBefore(boundary, size + 1));
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (newer) {
            Collections.reverse(rows);
        }
        boolean olderExist = newer ? !rows.isEmpty() : more;
        String beforeCursor =
                olderExist ? encode("before", rows.get(rows.size() - 1).id()) : null;
        String afterCursor = rows.isEmpty() ? null : encode("after", rows.get(0).id());
        return new AllAuditsResponse(
                rows.stream().map(AuditJson::of).toList(),
                beforeCursor == null ? null : link(request, beforeCursor),
                beforeCursor,
                afterCursor == null ? null : link(request, afterCursor),
                afterCursor);
    }

    @GetMapping("/api/v2/ticket_metrics")
    MetricsResponse metrics(HttpServletRequest request) {
        String base = base();
        Page<Ticket> page = pager.page(
                "ticket_metrics",
                request,
                Map.of("id", KeysetSort.Kind.ID),
                "id",
                new Pager.Source<>() {
                    @Override
                    public long count() {
                        return tickets.count(TicketFilter.LIVE);
                    }

                    @Override
                    public List<Ticket> fetch(PageQuery query) {
                        return tickets.page(TicketFilter.LIVE, query);
                    }
                },
                Ticket::id,
                (t, column) -> t.id());
        return new MetricsResponse(tickets.metrics(page.items(), base), page.paging());
    }

    /** A metric set by its id, which in desk is its ticket's id (see {@link TicketMetricJson}). */
    @GetMapping("/api/v2/ticket_metrics/{id}")
    MetricResponse metric(@PathVariable long id) {
        return metricOf(id);
    }

    @GetMapping("/api/v2/tickets/{id}/metrics")
    MetricResponse ticketMetric(@PathVariable long id) {
        return metricOf(id);
    }

    private MetricResponse metricOf(long ticketId) {
        return new MetricResponse(
                tickets.metrics(List.of(tickets.get(ticketId)), base()).get(0));
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return MAX_AUDITS_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= MAX_AUDITS_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new BadRequestException(
                "InvalidPaginationParameter",
                "limit must be from 1 to " + MAX_AUDITS_LIMIT + " (got \"" + value + "\")");
    }

    private String encode(String direction, long id) {
        return cursors.encode(AUDITS_SCOPE, List.of(direction, Long.toString(id)));
    }

    /** This list's URL with the other parameters kept and {@code cursor} set. */
    private static String link(HttpServletRequest request, String cursor) {
        UriComponentsBuilder builder =
                ServletUriComponentsBuilder.fromContextPath(request).path("/api/v2/ticket_audits.json");
        request.getParameterMap().forEach((param, values) -> {
            if (!param.equals("cursor")) {
                builder.queryParam(param, (Object[]) values);
            }
        });
        builder.queryParam("cursor", cursor);
        return builder.build().encode().toUriString();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
