package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.diagnostics.DiagnosticsJson.DiagnosticsBody;
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
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/connections/{id}/diagnostics}: run the checklist now (POST), or read the latest report (GET). */
@RestController
@Tag(
        name = "Diagnostics",
        description = "\"Test connection\": a checklist that says what is wrong with a connection and how to fix it.")
class DiagnosticsController {

    private final Diagnostics diagnostics;

    DiagnosticsController(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** 200 with the report whatever its verdict: a failing check is a finding, not an API error. */
    @PostMapping("/api/connections/{id}/diagnostics")
    @Operation(
            summary = "Test a connection",
            description = "Runs the checklist against the Zendesk account now (about a dozen requests) and stores "
                    + "the report. Answers 200 whatever the verdict: a failing check is a finding, not an error.")
    DiagnosticsBody run(
            @PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest http) {
        DiagnosticsReport report =
                diagnostics.run(id, operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)));
        return new DiagnosticsBody(DiagnosticsJson.of(report));
    }

    @GetMapping("/api/connections/{id}/diagnostics")
    @Operation(summary = "Show the latest diagnostics report")
    @ApiResponse(responseCode = "200", description = "The latest report")
    @ApiResponse(responseCode = "404", description = "No such connection, or it was never tested")
    DiagnosticsBody latest(@PathVariable long id) {
        return new DiagnosticsBody(DiagnosticsJson.of(
                diagnostics.latest(id).orElseThrow(() -> DiagnosticsNotFoundException.forConnection(id))));
    }
}
