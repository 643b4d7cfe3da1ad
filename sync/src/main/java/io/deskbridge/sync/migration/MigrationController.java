package io.deskbridge.sync.migration;

import io.deskbridge.sync.migration.MigrationJson.RiskBody;
import io.deskbridge.sync.migration.MigrationJson.RisksBody;
import io.deskbridge.sync.migration.MigrationJson.SwitchBody;
import io.deskbridge.sync.migration.MigrationJson.SwitchRequest;
import io.deskbridge.sync.operator.OperatorPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/oauth-migration} and {@code /api/connections/{id}/oauth-migration}: the token → OAuth assistant. */
@RestController
@Tag(
        name = "OAuth migration",
        description = "Zendesk turns off API tokens on 2027-04-30: the risk of each token connection, and the switch "
                + "to OAuth between two pages of a running sync.")
class MigrationController {

    private final MigrationAssistant assistant;

    MigrationController(MigrationAssistant assistant) {
        this.assistant = assistant;
    }

    @GetMapping("/api/oauth-migration")
    @Operation(
            summary = "List the token connections and their risk",
            description = "Every connection that still uses an API token, nearest deadline first: days to Zendesk's "
                    + "cut-off, the idle-deactivation date from the token's last use and the token's expiry where the "
                    + "account lists its tokens, and the Admin Center steps to create an OAuth client.")
    RisksBody list() {
        return new RisksBody(assistant.risks());
    }

    @GetMapping("/api/connections/{id}/oauth-migration")
    @Operation(summary = "Show a token connection's risk")
    @ApiResponse(responseCode = "200", description = "The risk and the steps")
    @ApiResponse(responseCode = "409", description = "The connection does not use an API token")
    RiskBody show(@PathVariable long id) {
        return new RiskBody(assistant.risk(id));
    }

    @PostMapping("/api/connections/{id}/oauth-migration")
    @Operation(
            summary = "Switch a token connection to OAuth",
            description = "Gets a client-credentials token with client_id + client_secret (or takes the access_token "
                    + "given), tests it against the account like Test connection, and replaces the API token between "
                    + "two pages of a running sync: no cursor moves, nothing is re-synced. Then delete the old token.")
    @ApiResponse(responseCode = "200", description = "Switched; the reminder names the token page")
    @ApiResponse(responseCode = "409", description = "The connection does not use an API token")
    @ApiResponse(
            responseCode = "422",
            description = "Refused, connection unchanged: the client or secret was refused, the credential failed the "
                    + "test (another account, not an admin, a stream out of reach), lacks a scope the rules need, or "
                    + "the credential changed meanwhile")
    SwitchBody switchToOAuth(
            @PathVariable long id,
            @RequestBody(required = false) SwitchRequest body,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest http) {
        return new SwitchBody(assistant.switchToOAuth(
                id,
                body == null ? null : body.oauth(),
                operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT))));
    }
}
