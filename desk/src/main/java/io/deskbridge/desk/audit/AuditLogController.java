package io.deskbridge.desk.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/v2/audit_logs} in Zendesk's shape, newest first unless sorted, for admins: offset or
 * cursor pagination, {@code filter[source_type|source_id|actor_id|ip_address|action|created_at]},
 * {@code sort} (cursor) and {@code sort_by}/{@code sort_order} (offset) over {@code created_at} or
 * {@code id}.
 */
@RestController
class AuditLogController {

    private static final Map<String, KeysetSort.Kind> SORTS =
            Map.of("created_at", KeysetSort.Kind.TIMESTAMP, "id", KeysetSort.Kind.ID);
    private static final List<String> ACTIONS = List.of("create", "update", "destroy", "login", "exported");

    private final AuditLog audit;
    private final Pager pager;

    AuditLogController(AuditLog audit, Pager pager) {
        this.audit = audit;
        this.pager = pager;
    }

    /**
     * {@code {"audit_logs": [...], "next_page", "previous_page", "count"}} (offset), or with
     * {@code page[size]} {@code meta}/{@code links} (cursor), which Airbyte's audit_logs stream follows.
     */
    record AuditLogsResponse(
            List<AuditLogJson> auditLogs, @JsonUnwrapped Paging paging) {}

    /**
     * One entry in Zendesk's {@code audit_logs} shape. Decision: automatic actions by desk itself carry
     * {@code actor_id} -1 (the schema wants an integer); {@code ip_address} is left out when unknown.
     */
    record AuditLogJson(
            long id,
            String url,
            String action,
            String actionLabel,
            long actorId,
            String actorName,
            Long sourceId,
            String sourceType,
            String sourceLabel,
            String changeDescription,
            @JsonInclude(JsonInclude.Include.NON_NULL) String ipAddress,
            Instant createdAt,
            String event) {

        static AuditLogJson of(AuditEntry e, String base) {
            return new AuditLogJson(
                    e.id(),
                    base + "/api/v2/audit_logs/" + e.id() + ".json",
                    e.action(),
                    Character.toUpperCase(e.action().charAt(0)) + e.action().substring(1),
                    e.actorId() == null ? -1L : e.actorId(),
                    e.actorName(),
                    e.sourceId(),
                    e.sourceType(),
                    e.sourceLabel(),
                    e.changeDescription(),
                    e.ipAddress(),
                    e.createdAt(),
                    e.event());
        }
    }

    @GetMapping("/api/v2/audit_logs")
    AuditLogsResponse list(
            @RequestParam(name = "filter[source_type]", required = false) String sourceType,
            @RequestParam(name = "filter[source_id]", required = false) Long sourceId,
            @RequestParam(name = "filter[actor_id]", required = false) Long actorId,
            @RequestParam(name = "filter[ip_address]", required = false) String ipAddress,
            HttpServletRequest request) {
        List<Instant> created = createdAt(request);
        AuditFilter filter = new AuditFilter(
                blankToNull(sourceType),
                sourceId,
                actorId,
                blankToNull(ipAddress),
                actions(request),
                created.isEmpty() ? null : created.get(0),
                created.isEmpty() ? null : created.get(1));
        KeysetSort sort = KeysetSort.parse(sortParameter(request), SORTS, "created_at");
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        PageRequest page = PageRequest.from(request);
        if (page instanceof PageRequest.Cursor cursor) {
            Page<AuditEntry> entries = pager.cursorPage(
                    "audit_logs",
                    sort,
                    cursor,
                    query -> audit.page(filter, query),
                    e -> sort.keyOf(e.createdAt(), e.id()),
                    request);
            return new AuditLogsResponse(
                    entries.items().stream().map(e -> AuditLogJson.of(e, base)).toList(), entries.paging());
        }
        PageRequest.Offset offset = (PageRequest.Offset) page;
        List<AuditLogJson> entries =
                audit.page(filter, PageQuery.offset(sort, offset.offset(), offset.perPage())).stream()
                        .map(e -> AuditLogJson.of(e, base))
                        .toList();
        return new AuditLogsResponse(entries, Pager.offsetPaging(audit.count(filter), offset, request));
    }

    /**
     * {@code sort} (cursor style) or {@code sort_by} + {@code sort_order} (offset style); Zendesk's
     * default is newest first in both.
     */
    private static String sortParameter(HttpServletRequest request) {
        String sort = blankToNull(request.getParameter("sort"));
        if (sort != null) {
            return sort;
        }
        String sortBy = blankToNull(request.getParameter("sort_by"));
        String order = request.getParameter("sort_order");
        boolean ascending = "asc".equalsIgnoreCase(order);
        if (order != null && !order.isBlank() && !ascending && !"desc".equalsIgnoreCase(order)) {
            throw new BadRequestException(
                    "InvalidPaginationParameter", "sort_order must be asc or desc (got \"" + order + "\")");
        }
        return (ascending ? "" : "-") + (sortBy == null ? "created_at" : sortBy);
    }

    /**
     * {@code filter[created_at][]=<start>&filter[created_at][]=<end>} (or without the brackets): both
     * or neither. Decision: empty values count as absent — Airbyte's paginator sends the parameter
     * emptied on later pages, where the cursor already carries the position.
     */
    private static List<Instant> createdAt(HttpServletRequest request) {
        List<String> values = values(request, "filter[created_at]");
        if (values.isEmpty()) {
            return List.of();
        }
        if (values.size() != 2) {
            throw new BadRequestException(
                    "InvalidParameter",
                    "filter[created_at] takes two values, the start and the end time (got " + values.size() + ": "
                            + values + ")");
        }
        List<Instant> bounds = new ArrayList<>();
        for (String value : values) {
            try {
                bounds.add(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                throw new BadRequestException(
                        "InvalidParameter",
                        "filter[created_at] takes ISO 8601 date-times such as 2026-01-01T00:00:00Z (got \"" + value
                                + "\")");
            }
        }
        return bounds;
    }

    /** {@code filter[action]=create} or {@code filter[action][]=create&filter[action][]=update}. */
    private static List<String> actions(HttpServletRequest request) {
        List<String> actions = values(request, "filter[action]");
        for (String action : actions) {
            if (!ACTIONS.contains(action)) {
                throw new BadRequestException(
                        "InvalidParameter",
                        "filter[action] must be one of " + String.join(", ", ACTIONS) + " (got \"" + action + "\")");
            }
        }
        return actions;
    }

    /** The non-blank values of {@code name} and {@code name[]} in the order sent. */
    private static List<String> values(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            String[] sent = request.getParameterValues(key);
            if (sent != null) {
                Arrays.stream(sent).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
            }
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
