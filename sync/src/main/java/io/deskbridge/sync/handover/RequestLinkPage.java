package io.deskbridge.sync.handover;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.operator.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's "Create request link" button (and its OAuth client fields): shows the new link once. */
@Controller
class RequestLinkPage {

    private final RequestLinks links;
    private final HandoverProperties properties;

    RequestLinkPage(RequestLinks links, HandoverProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    /**
     * With {@code oauth_client_id} (and for a confidential client {@code oauth_client_secret}), the
     * link offers "Connect with Zendesk"; a client the rules refuse shows the rule, creates nothing.
     */
    @PostMapping("/connections/{id}/request-links")
    String create(
            @PathVariable long id,
            @RequestParam(name = "oauth_client_id", defaultValue = "") String clientId,
            @RequestParam(name = "oauth_client_secret", defaultValue = "") String clientSecret,
            @RequestParam(name = "oauth_scope", defaultValue = "") String scope,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("me", operator);
        LinkOAuthClient client = clientId.isBlank() && clientSecret.isBlank()
                ? null
                : new LinkOAuthClient(clientId, clientSecret, scope);
        IssuedRequestLink issued;
        try {
            issued = links.create(
                    id, client, operator.asActor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        } catch (RecordInvalidException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("connectionId", id);
            return "handover/issued";
        }
        model.addAttribute("link", issued.link());
        model.addAttribute("url", LinkUrls.of(issued.token(), properties));
        model.addAttribute(
                "oauthClientId", links.oauthClientId(issued.link().id()).orElse(null));
        model.addAttribute("callback", LinkUrls.callback(properties));
        return "handover/issued";
    }
}
