package io.deskbridge.desk.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call which part of {@code /api/**}, first rule that fits wins:
 *
 * <ol>
 *   <li>{@code GET /api/v2/users/me}: anyone (an anonymous caller gets Zendesk's anonymous user);
 *   <li>{@code GET /api/v2/account/settings}: admins and agents;
 *   <li>{@code /api/v2/oauth/tokens[/…]}: anyone signed in (own tokens; the controller limits them, see
 *       oauth/);
 *   <li>{@code /api/v2/requests[/…]}: anyone signed in (the end user's ticket API, see request/);
 *   <li>{@code /api/v2/account}, {@code api_tokens}, {@code oauth}, {@code audit_logs}, {@code incremental},
 *       {@code webhooks} (each with everything under it): admins;
 *   <li>writes (POST, PUT, DELETE) to {@code /api/v2/organizations[/…]} and {@code /api/v2/groups[/…]}:
 *       admins;
 *   <li>{@code POST /api/v2/tickets/{id}/satisfaction_rating}: anyone signed in (a requester rates their
 *       own ticket; satisfaction/ checks who);
 *   <li>everything else under {@code /api/v2}: admins and agents (end users are refused, 403);
 *   <li>anything else: anyone signed in.
 * </ol>
 *
 * <p>These were Spring Security request matchers (path patterns) until issue 16: matching eight to
 * twelve patterns per request, each parsing and caching the path through the request's wrapper chain,
 * cost about 5 % of desk's CPU for {@code GET /api/v2/tickets/{id}} (JFR). Here the servlet path
 * (decoded and normalised by the container; Spring Security's firewall has already refused encoded
 * slashes, {@code ..}, {@code ;} and {@code //}) and the method are read once and compared as strings.
 * A pattern {@code /x/**} matched {@code /x} itself and everything under {@code /x/}, as
 * {@link #under} does. {@code ApiAccessRulesTests} holds each rule.
 */
final class ApiAccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    private static final List<String> ADMIN_AREAS = List.of(
            "/api/v2/account",
            "/api/v2/api_tokens",
            "/api/v2/oauth",
            "/api/v2/audit_logs",
            "/api/v2/incremental",
            "/api/v2/webhooks");

    private static final AuthorizationDecision PERMIT = new AuthorizationDecision(true);

    private final AuthorizationManager<RequestAuthorizationContext> admins =
            AuthorityAuthorizationManager.hasRole("ADMIN");
    private final AuthorizationManager<RequestAuthorizationContext> staff =
            AuthorityAuthorizationManager.hasAnyRole("ADMIN", "AGENT");
    private final AuthorizationManager<RequestAuthorizationContext> signedIn =
            AuthenticatedAuthorizationManager.authenticated();

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationManager<RequestAuthorizationContext> rule = ruleFor(context.getRequest());
        return rule == null ? PERMIT : rule.authorize(authentication, context);
    }

    /** The rule for a request; null means anyone. */
    AuthorizationManager<RequestAuthorizationContext> ruleFor(HttpServletRequest request) {
        String path = request.getServletPath();
        if (request.getPathInfo() != null) {
            path = path + request.getPathInfo();
        }
        String method = request.getMethod();
        if ("GET".equals(method) && path.equals("/api/v2/users/me")) {
            return null;
        }
        if ("GET".equals(method) && path.equals("/api/v2/account/settings")) {
            return staff;
        }
        if (under(path, "/api/v2/oauth/tokens") || under(path, "/api/v2/requests")) {
            return signedIn;
        }
        for (String area : ADMIN_AREAS) {
            if (under(path, area)) {
                return admins;
            }
        }
        boolean write = "POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method);
        if (write && (under(path, "/api/v2/organizations") || under(path, "/api/v2/groups"))) {
            return admins;
        }
        if ("POST".equals(method) && isSatisfactionRating(path)) {
            return signedIn;
        }
        if (under(path, "/api/v2")) {
            return staff;
        }
        return signedIn;
    }

    /** {@code /x/**}: {@code /x} itself or anything under {@code /x/}. */
    static boolean under(String path, String area) {
        return path.startsWith(area) && (path.length() == area.length() || path.charAt(area.length()) == '/');
    }

    /** {@code /api/v2/tickets/*}{@code /satisfaction_rating}: one non-empty segment between. */
    private static boolean isSatisfactionRating(String path) {
        String start = "/api/v2/tickets/";
        String end = "/satisfaction_rating";
        if (!path.startsWith(start) || !path.endsWith(end) || path.length() <= start.length() + end.length()) {
            return false;
        }
        return path.indexOf('/', start.length()) == path.length() - end.length();
    }
}
