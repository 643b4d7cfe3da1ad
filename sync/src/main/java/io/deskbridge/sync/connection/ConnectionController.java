package io.deskbridge.sync.connection;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/connections}: create (without credentials), list, show. */
@RestController
class ConnectionController {

    private final Connections connections;

    ConnectionController(Connections connections) {
        this.connections = connections;
    }

    /** The create request: {@code {"connection": {"name": .., "address": ..}}}. */
    record CreateRequest(NewConnection connection) {}

    @PostMapping("/api/connections")
    ResponseEntity<Map<String, Object>> create(
            @RequestBody CreateRequest body,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest http) {
        if (body.connection() == null) {
            throw new RecordInvalidException(
                    "connection", "BlankValue", "Connection: send {\"connection\": {\"name\": .., \"address\": ..}}");
        }
        Connection created = connections.create(
                body.connection(), operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(Map.of("connection", ConnectionJson.of(created)));
    }

    @GetMapping("/api/connections")
    Map<String, Object> list() {
        return Map.of(
                "connections",
                connections.list().stream().map(ConnectionJson::of).toList());
    }

    @GetMapping("/api/connections/{id}")
    Map<String, Object> show(@PathVariable long id) {
        return Map.of("connection", ConnectionJson.of(connections.get(id)));
    }
}
