package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The operator's "Test connection" page: the latest report, and the button that runs a new one. */
@Controller
class DiagnosticsPage {

    private final Diagnostics diagnostics;
    private final Connections connections;

    DiagnosticsPage(Diagnostics diagnostics, Connections connections) {
        this.diagnostics = diagnostics;
        this.connections = connections;
    }

    @GetMapping("/connections/{id}/diagnostics")
    String show(@PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, Model model) {
        model.addAttribute("me", operator);
        model.addAttribute("connection", connections.get(id));
        model.addAttribute("report", diagnostics.latest(id).orElse(null));
        return "diagnostics/report";
    }

    /** Runs, then shows the report through a redirect, so a reload does not test again. */
    @PostMapping("/connections/{id}/diagnostics")
    String run(@PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest request) {
        diagnostics.run(id, operator.asActor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        return "redirect:/connections/" + id + "/diagnostics";
    }
}
