package io.deskbridge.desk.agent;

import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where the sign-in form leads: back to the page that asked for it, else admins to the Admin Center
 * and agents to their workspace (agents may not open the Admin Center).
 */
public final class SignInLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String ADMIN_HOME = "/admin";
    static final String AGENT_HOME = "/agent/tickets";

    public SignInLanding() {
        setDefaultTargetUrl(ADMIN_HOME);
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
