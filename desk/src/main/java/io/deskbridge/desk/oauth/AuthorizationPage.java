package io.deskbridge.desk.oauth;

import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Zendesk's consent page, {@code GET /oauth/authorizations/new}: the signed-in user (desk's sign-in
 * form first, then back here) sees the client and the scopes it asks for and approves or denies; the
 * form posts to {@code /oauth/authorizations} with the session's CSRF token.
 *
 * <p>The page's Content-Security-Policy names the client's redirect origin in {@code form-action}:
 * browsers apply {@code form-action} to the redirect that follows a form post, and desk's default
 * ({@code 'self'}) would block the way back to the client.
 */
@Controller
class AuthorizationPage {

    private final OAuthAuthorizations authorizations;

    AuthorizationPage(OAuthAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/oauth/authorizations/new")
    Object show(
            HttpServletRequest http,
            @AuthenticationPrincipal DeskPrincipal user,
            Model model,
            HttpServletResponse response) {
        AuthorizationRequest request = request(http);
        OAuthAuthorizations.Checked checked;
        try {
            checked = authorizations.check(request);
        } catch (AuthorizationRefusedException e) {
            return refused(e, model, response);
        }
        URI target = URI.create(checked.redirectUri());
        String origin = target.getScheme() + "://" + target.getRawAuthority();
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self' "
                        + origin + "; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("request", request);
        model.addAttribute("client", checked.client());
        model.addAttribute("scopes", checked.scopes().asList());
        model.addAttribute("redirectUri", checked.redirectUri());
        model.addAttribute("user", user);
        return "oauth/consent";
    }

    @PostMapping("/oauth/authorizations")
    Object decide(
            @RequestParam String decision,
            @AuthenticationPrincipal DeskPrincipal user,
            HttpServletRequest http,
            Model model,
            HttpServletResponse response) {
        AuthorizationRequest request = request(http);
        OAuthAuthorizations.Checked checked;
        try {
            checked = authorizations.check(request);
        } catch (AuthorizationRefusedException e) {
            return refused(e, model, response);
        }
        String target = "approve".equals(decision)
                ? authorizations.approve(checked, user.asActor(http.getRemoteAddr()), user.userId())
                : authorizations.deny(checked, user.asActor(http.getRemoteAddr()));
        return redirect(target);
    }

    private static AuthorizationRequest request(HttpServletRequest http) {
        return new AuthorizationRequest(
                http.getParameter("response_type"),
                http.getParameter("client_id"),
                http.getParameter("redirect_uri"),
                http.getParameter("scope"),
                http.getParameter("state"),
                http.getParameter("code_challenge"),
                http.getParameter("code_challenge_method"));
    }

    private static Object refused(AuthorizationRefusedException e, Model model, HttpServletResponse response) {
        if (e.redirectUri() != null) {
            return redirect(OAuthAuthorizations.errorRedirect(e.error(), e.getMessage(), e.redirectUri(), e.state()));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", e.getMessage());
        return "oauth/refused";
    }

    private static View redirect(String url) {
        RedirectView view = new RedirectView(url);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }
}
