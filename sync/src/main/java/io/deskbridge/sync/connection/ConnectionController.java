package io.deskbridge.sync.connection;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.ConnectionJson.ConnectionBody;
import io.deskbridge.sync.connection.ConnectionJson.ConnectionListBody;
import io.deskbridge.sync.connection.ConnectionJson.CreateConnectionRequest;
import io.deskbridge.sync.connection.ConnectionJson.CreatedConnectionBody;
import io.deskbridge.sync.operator.OperatorPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/connections}: create (without credentials), list, show. */
@RestController
@Tag(name = "Connections", description = "The Zendesk accounts sync knows, without their credentials.")
class ConnectionController {

    private final Connections connections;

    ConnectionController(Connections connections) {
        this.connections = connections;
    }

    @PostMapping("/api/connections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a connection",
            description =
                    "Creates a connection awaiting credentials: the address is normalised (acme, acme.zendesk.com "
                            + "and https://acme.zendesk.com/agent are all https://acme.zendesk.com). Credentials never "
                            + "come through this API: create a request link for the Zendesk admin next.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location names the new connection; warnings name other connections to the same"
                    + " account")
    @ApiResponse(responseCode = "422", description = "The name is blank or the address is not a Zendesk address")
    ResponseEntity<CreatedConnectionBody> create(
            @RequestBody CreateConnectionRequest body,
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
                .body(new CreatedConnectionBody(ConnectionJson.of(created), connections.warningsFor(created)));
    }

    @GetMapping("/api/connections")
    @Operation(summary = "List the connections", description = "Every connection, oldest first.")
    ConnectionListBody list() {
        return new ConnectionListBody(
                connections.list().stream().map(ConnectionJson::of).toList());
    }

    @GetMapping("/api/connections/{id}")
    @Operation(summary = "Show a connection")
    ConnectionBody show(@PathVariable long id) {
        return new ConnectionBody(ConnectionJson.of(connections.get(id)));
    }
}
