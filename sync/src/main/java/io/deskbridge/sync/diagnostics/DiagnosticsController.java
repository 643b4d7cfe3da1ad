package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/connections/{id}/diagnostics}: run the checklist now (POST), or read the latest report (GET). */
@RestController
class DiagnosticsController {

    private final Diagnostics diagnostics;

    DiagnosticsController(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** 200 with the report whatever its verdict: a failing check is a finding, not an API error. */
    @PostMapping("/api/connections/{id}/diagnostics")
    Map<String, Object> run(
            @PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest http) {
        DiagnosticsReport report =
                diagnostics.run(id, operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)));
        return Map.of("diagnostics", DiagnosticsJson.of(report));
    }

    @GetMapping("/api/connections/{id}/diagnostics")
    Map<String, Object> latest(@PathVariable long id) {
        return Map.of(
                "diagnostics",
                DiagnosticsJson.of(
                        diagnostics.latest(id).orElseThrow(() -> DiagnosticsNotFoundException.forConnection(id))));
    }
}
