package io.deskbridge.desk.audit;

import io.deskbridge.desk.api.BadRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @GetMapping("/api/v2/audit_logs")
    Map<String, Object> list(
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
        var entries = audit.page(filter, (page - 1) * perPage, perPage).stream()
                .map(e -> json(e, base))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("audit_logs", entries);
        body.put("next_page", (long) page * perPage < count ? pageUrl(page + 1) : null);
        body.put("previous_page", page > 1 ? pageUrl(page - 1) : null);
        body.put("count", count);
        return body;
    }

    private static String pageUrl(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .toUriString();
    }

    private static Map<String, Object> json(AuditEntry e, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("url", base + "/api/v2/audit_logs/" + e.id() + ".json");
        m.put("action", e.action());
        m.put(
                "action_label",
                Character.toUpperCase(e.action().charAt(0)) + e.action().substring(1));
        // Decision: automatic actions by desk itself carry actor_id -1 (the schema wants an integer).
        m.put("actor_id", e.actorId() == null ? -1L : e.actorId());
        m.put("actor_name", e.actorName());
        m.put("source_id", e.sourceId());
        m.put("source_type", e.sourceType());
        m.put("source_label", e.sourceLabel());
        m.put("change_description", e.changeDescription());
        if (e.ipAddress() != null) {
            m.put("ip_address", e.ipAddress());
        }
        m.put("created_at", e.createdAt());
        m.put("event", e.event());
        return m;
    }
}
