package io.deskbridge.desk.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.pagination.Paging;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /api/v2/audit_logs} in Zendesk's shape, newest first, offset-paginated, for admins. */
@RestController
class AuditLogController {

    static final int MAX_PER_PAGE = 100;

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code {"audit_logs": [...], "next_page", "previous_page", "count"}}. */
    record AuditLogsResponse(
            List<AuditLogJson> auditLogs, @JsonUnwrapped Paging.Offset paging) {}

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
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "100") int perPage,
            @RequestParam(name = "filter[source_type]", required = false) String sourceType,
            @RequestParam(name = "filter[source_id]", required = false) Long sourceId,
            @RequestParam(name = "filter[actor_id]", required = false) Long actorId,
            @RequestParam(name = "filter[ip_address]", required = false) String ipAddress) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new BadRequestException(
                    "InvalidPaginationParameter",
                    "page must be 1 or more and per_page from 1 to " + MAX_PER_PAGE + " (got page=" + page
                            + ", per_page=" + perPage + ")");
        }
        AuditFilter filter = new AuditFilter(sourceType, sourceId, actorId, ipAddress);
        long count = audit.count(filter);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<AuditLogJson> entries = audit.page(filter, (page - 1) * perPage, perPage).stream()
                .map(e -> AuditLogJson.of(e, base))
                .toList();
        return new AuditLogsResponse(
                entries,
                new Paging.Offset(
                        (long) page * perPage < count ? pageUrl(page + 1) : null,
                        page > 1 ? pageUrl(page - 1) : null,
                        count));
    }

    private static String pageUrl(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .toUriString();
    }
}
