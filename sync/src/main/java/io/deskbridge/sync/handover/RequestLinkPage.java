package io.deskbridge.sync.handover;

import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The operator's "Create request link" button: shows the new link once. */
@Controller
class RequestLinkPage {

    private final RequestLinks links;
    private final HandoverProperties properties;

    RequestLinkPage(RequestLinks links, HandoverProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    @PostMapping("/connections/{id}/request-links")
    String create(
            @PathVariable long id,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        IssuedRequestLink issued =
                links.create(id, operator.asActor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("me", operator);
        model.addAttribute("link", issued.link());
        model.addAttribute("url", LinkUrls.of(issued.token(), properties));
        return "handover/issued";
    }
}
