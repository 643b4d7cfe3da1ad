package io.deskbridge.sync.migration;

import io.deskbridge.sync.connection.ConnectionNotFoundException;
import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's migration assistant: every token connection with its risk, and per connection the
 * steps and the "Test and switch" form. The secret typed in the form is never rendered back.
 */
@Controller
class MigrationPage {

    private final MigrationAssistant assistant;

    MigrationPage(MigrationAssistant assistant) {
        this.assistant = assistant;
    }

    @GetMapping("/oauth-migration")
    String list(@AuthenticationPrincipal OperatorPrincipal operator, Model model) {
        model.addAttribute("me", operator);
        model.addAttribute("risks", assistant.risks());
        return "migration/list";
    }

    @GetMapping("/connections/{id}/oauth-migration")
    String show(@PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, Model model) {
        model.addAttribute("me", operator);
        model.addAttribute("risk", assistant.risk(id));
        return "migration/connection";
    }

    @PostMapping("/connections/{id}/oauth-migration")
    String switchToOAuth(
            @PathVariable long id,
            @RequestParam(name = "client_id", defaultValue = "") String clientId,
            @RequestParam(name = "client_secret", defaultValue = "") String clientSecret,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("me", operator);
        MigrationRisk before = assistant.risk(id);
        try {
            MigrationOutcome outcome = assistant.switchToOAuth(
                    id,
                    new OAuthSwitch(clientId, clientSecret, null, null, null),
                    operator.asActor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
            model.addAttribute("outcome", outcome);
            model.addAttribute("risk", before);
            return "migration/switched";
        } catch (MigrationRefusedException e) {
            response.setStatus(422);
            model.addAttribute("risk", before);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("clientId", clientId);
            return "migration/connection";
        }
    }

    @ExceptionHandler(ConnectionNotFoundException.class)
    String unknownConnection(
            ConnectionNotFoundException e,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletResponse response,
            Model model) {
        return missing(HttpStatus.NOT_FOUND, e.getMessage(), operator, response, model);
    }

    @ExceptionHandler(NotATokenConnectionException.class)
    String notATokenConnection(
            NotATokenConnectionException e,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletResponse response,
            Model model) {
        return missing(HttpStatus.CONFLICT, e.getMessage(), operator, response, model);
    }

    private static String missing(
            HttpStatus status, String message, OperatorPrincipal operator, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("me", operator);
        model.addAttribute("message", message);
        return "console/missing";
    }
}
