package io.deskbridge.sync.audit;

import io.deskbridge.sync.api.RecordInvalidException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /api/audit}: the audit log for the operator, newest first, offset-paginated. */
@RestController
class AuditController {

    static final int MAX_PER_PAGE = 100;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    Map<String, Object> list(
            @RequestParam(name = "connection_id", required = false) Long connectionId,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "100") int perPage) {
        if (page < 1) {
            throw new RecordInvalidException("page", "InvalidValue", "page must be 1 or more (got " + page + ")");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new RecordInvalidException(
                    "per_page",
                    "InvalidValue",
                    "per_page must be from 1 to " + MAX_PER_PAGE + " (got " + perPage + ")");
        }
        long count = audit.count(connectionId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "audit_log",
                audit.page(connectionId, (page - 1) * perPage, perPage).stream()
                        .map(AuditController::json)
                        .toList());
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

    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("event", e.event());
        m.put("actor_type", e.actorType());
        m.put("actor", e.actor());
        m.put("ip_address", e.ipAddress());
        m.put("user_agent", e.userAgent());
        m.put("connection_id", e.connectionId());
        m.put("request_link_id", e.requestLinkId());
        m.put("description", e.description());
        m.put("created_at", e.createdAt());
        return m;
    }
}
