package io.deskbridge.sync.connection;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's list of connections, with the form that adds one. */
@Controller
class ConnectionsPage {

    private final Connections connections;

    ConnectionsPage(Connections connections) {
        this.connections = connections;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/connections";
    }

    @GetMapping("/connections")
    String list(@AuthenticationPrincipal OperatorPrincipal operator, Model model) {
        model.addAttribute("me", operator);
        model.addAttribute("connections", connections.list());
        return "connection/list";
    }

    @PostMapping("/connections")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String address,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            Connection created = connections.create(
                    new NewConnection(name, address),
                    operator.asActor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
            redirect.addFlashAttribute("created", created.name());
            redirect.addFlashAttribute("warnings", connections.warningsFor(created));
            return "redirect:/connections";
        } catch (RecordInvalidException e) {
            response.setStatus(422);
            model.addAttribute("me", operator);
            model.addAttribute("connections", connections.list());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("name", name);
            // An address with '@' may carry a user name and password: not rendered back.
            model.addAttribute("address", address.contains("@") ? "" : address);
            return "connection/list";
        }
    }
}
