package io.deskbridge.desk.agent;

import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where the sign-in form leads: back to the page that asked for it (such as an OAuth consent page),
 * else admins to the Admin Center and agents to their workspace (agents may not open the Admin
 * Center).
 *
 * <p>The page that asked is kept in a cookie ({@link CookieRequestCache}), not a server session:
 * anonymous requests create no session (issue 10). A cookie can be planted, so only a page of this
 * desk (same scheme, host and port as the sign-in) is honoured; anything else is dropped.
 */
public final class SignInLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String ADMIN_HOME = "/admin";
    static final String AGENT_HOME = "/agent/tickets";

    private final RequestCache pagesBeforeSignIn;

    public SignInLanding(RequestCache pagesBeforeSignIn) {
        this.pagesBeforeSignIn = pagesBeforeSignIn;
        setDefaultTargetUrl(ADMIN_HOME);
        setRequestCache(pagesBeforeSignIn);
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        SavedRequest saved = pagesBeforeSignIn.getRequest(request, response);
        if (saved != null && !sameOrigin(saved.getRedirectUrl(), request)) {
            pagesBeforeSignIn.removeRequest(request, response);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    static boolean sameOrigin(String url, HttpServletRequest request) {
        try {
            URI target = URI.create(url);
            return request.getScheme().equalsIgnoreCase(target.getScheme())
                    && request.getServerName().equalsIgnoreCase(target.getHost())
                    && request.getServerPort() == target.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null
                && authentication.getPrincipal() instanceof DeskPrincipal principal
                && !principal.isAdmin()) {
            return AGENT_HOME;
        }
        return ADMIN_HOME;
    }
}
