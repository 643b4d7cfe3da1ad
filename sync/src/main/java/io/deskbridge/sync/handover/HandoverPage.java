package io.deskbridge.sync.handover;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a Zendesk admin opens from a request link, without signing in: who asks, for which
 * account, why, the Admin Center steps, and the form. The token typed into the form is never
 * rendered back, not even when the form has to be shown again.
 */
@Controller
class HandoverPage {

    static final int MAX_TOKEN_LENGTH = 512;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final RequestLinks links;
    private final HandoverProperties properties;

    HandoverPage(RequestLinks links, HandoverProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    @GetMapping(LinkUrls.PATH + "{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(links.visit(token, visitor(request)), Map.of(), "", response, model);
    }

    @PostMapping(LinkUrls.PATH + "{token}")
    String submit(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(name = "api_token", defaultValue = "") String apiToken,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> problems = problems(email.strip(), apiToken.strip());
        if (!problems.isEmpty()) {
            Optional<LinkVisit> visit = links.peek(token);
            if (visit.isPresent() && visit.get().status() != LinkStatus.OPEN) {
                visit = links.visit(token, visitor(request));
            }
            return render(visit, problems, email.strip(), response, model);
        }
        return render(
                links.redeem(token, new ApiTokenCredential(email.strip(), apiToken.strip()), visitor(request)),
                problems,
                email.strip(),
                response,
                model);
    }

    private String render(
            Optional<LinkVisit> found,
            Map<String, String> problems,
            String email,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("platform", properties.platformName());
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "handover/unknown";
        }
        LinkVisit visit = found.get();
        model.addAttribute("link", visit.link());
        model.addAttribute("connection", visit.connection());
        if (visit.received()) {
            return "handover/received";
        }
        if (visit.status() != LinkStatus.OPEN) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("status", visit.status().wireName());
            return "handover/gone";
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("problems", problems);
        model.addAttribute("email", email);
        return "handover/request";
    }

    /** What is wrong with the form, by field. */
    static Map<String, String> problems(String email, String apiToken) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (email.isEmpty()) {
            problems.put("email", "Enter the email address of the Zendesk user the API token belongs to.");
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            problems.put("email", "The email address is not valid; enter it as name@example.com.");
        }
        if (apiToken.isEmpty()) {
            problems.put("api_token", "Paste the API token you copied in Admin Center.");
        } else if (apiToken.length() > MAX_TOKEN_LENGTH || apiToken.chars().anyMatch(Character::isWhitespace)) {
            problems.put(
                    "api_token",
                    "The API token must be one word of at most " + MAX_TOKEN_LENGTH
                            + " characters, without spaces; copy it again from Admin Center.");
        }
        return problems;
    }

    private static Actor visitor(HttpServletRequest request) {
        return Actor.linkVisitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
