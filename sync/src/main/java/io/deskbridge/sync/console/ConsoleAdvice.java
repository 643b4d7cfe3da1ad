package io.deskbridge.sync.console;

import io.deskbridge.sync.automation.RuleNotFoundException;
import io.deskbridge.sync.connection.ConnectionNotFoundException;
import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * For the console's pages only: the signed-in operator for the header, and a 404 page that says
 * what was not found (an unknown connection, or an id that is not a number) instead of a 500 or a
 * bare status. Runs before the app-wide web error advice.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    @ModelAttribute("me")
    OperatorPrincipal me(@AuthenticationPrincipal OperatorPrincipal operator) {
        return operator;
    }

    @ExceptionHandler(ConnectionNotFoundException.class)
    String unknownConnection(
            ConnectionNotFoundException e, Authentication authentication, HttpServletResponse response, Model model) {
        return missing(e.getMessage(), authentication, response, model);
    }

    @ExceptionHandler(RuleNotFoundException.class)
    String unknownRule(
            RuleNotFoundException e, Authentication authentication, HttpServletResponse response, Model model) {
        return missing(e.getMessage(), authentication, response, model);
    }

    /** {@code /connections/abc}: no connection has that id, so it is a 404, not a 400 or a 500. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String notAnId(
            MethodArgumentTypeMismatchException e,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        String value = Formats.echo(String.valueOf(e.getValue()));
        String what = switch (e.getName()) {
            case "ticketId" -> "ticket";
            case "ruleId" -> "rule";
            default -> "connection";
        };
        return missing(
                "There is no " + what + " \"" + value + "\": " + what + " ids are whole numbers",
                authentication,
                response,
                model);
    }

    static String missing(String message, Authentication authentication, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        if (authentication != null && authentication.getPrincipal() instanceof OperatorPrincipal operator) {
            model.addAttribute("me", operator);
        }
        model.addAttribute("message", message);
        return "console/missing";
    }
}
