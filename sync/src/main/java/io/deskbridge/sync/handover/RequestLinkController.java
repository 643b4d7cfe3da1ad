package io.deskbridge.sync.handover;

import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/connections/{id}/request-links}: create a link (its URL is in this response only) and
 * list a connection's links with their status.
 */
@RestController
class RequestLinkController {

    private final RequestLinks links;
    private final HandoverProperties properties;

    RequestLinkController(RequestLinks links, HandoverProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    @PostMapping("/api/connections/{id}/request-links")
    ResponseEntity<Map<String, Object>> create(
            @PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest http) {
        IssuedRequestLink issued =
                links.create(id, operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)));
        Map<String, Object> json = json(issued.link(), links.now());
        json.put("url", LinkUrls.of(issued.token(), properties));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("request_link", json));
    }

    @GetMapping("/api/connections/{id}/request-links")
    Map<String, Object> list(@PathVariable long id) {
        Instant now = links.now();
        return Map.of(
                "request_links",
                links.forConnection(id).stream().map(link -> json(link, now)).toList());
    }

    private static Map<String, Object> json(RequestLink link, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", link.id());
        json.put("connection_id", link.connectionId());
        json.put("status", link.status(now).wireName());
        json.put("created_by", link.createdBy());
        json.put("created_at", link.createdAt());
        json.put("expires_at", link.expiresAt());
        json.put("used_at", link.usedAt());
        json.put("used_from_ip", link.usedFromIp());
        json.put("revoked_at", link.revokedAt());
        return json;
    }
}
