package io.deskbridge.desk.apiauth;

import io.deskbridge.desk.api.ZendeskErrors;
import io.deskbridge.desk.oauth.ScopeRules;
import io.deskbridge.desk.user.SessionSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Authenticates API requests that carry an {@code Authorization} header; requests without one fall
 * through to the session (Admin Center) or stay anonymous. Refusals are written here, in Zendesk's
 * bodies: 401 for any bad credential (the same body whatever the reason), 403 with the missing-scope
 * body when a read-only token writes (or reads a secret, see {@link ScopeRules}) or an OAuth token lacks the scope the request needs ({@link
 * ScopeRules}, by method and path, so every endpoint is covered), 429 while the client address or
 * the account named in Basic credentials is throttled ({@link FailedAuthThrottle}).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);

    private final ApiAuthenticator authenticator;
    private final FailedAuthThrottle throttle;
    private final ObjectMapper json;
    private final AuthenticationMetrics metrics;

    public ApiAuthenticationFilter(
            ApiAuthenticator authenticator,
            FailedAuthThrottle throttle,
            ObjectMapper json,
            AuthenticationMetrics metrics) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        String email = ApiAuthenticator.emailOf(header);
        AuthenticationMetrics.Kind kind = ApiAuthenticator.kindOf(header);
        long retryAfter = throttle.retryAfterSeconds(address, email);
        if (retryAfter > 0) {
            metrics.count(kind, AuthenticationMetrics.Outcome.THROTTLED);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            write(
                    response,
                    429,
                    ZendeskErrors.error(
                            "TooManyFailedAuthentications",
                            "Too many failed authentication attempts from this address or for this account; retry"
                                    + " after " + retryAfter + " seconds"));
            return;
        }
        ApiAuthentication result = authenticator.authenticate(header, address);
        if (!result.succeeded()) {
            log.info("API authentication failed from {}: {}", address, result.failure());
            throttle.recordFailure(address, email);
            metrics.count(kind, AuthenticationMetrics.Outcome.FAILURE);
            if (!result.bearer()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Web Password\"");
            }
            write(
                    response,
                    401,
                    result.bearer() ? ZendeskErrors.invalidBearerToken() : ZendeskErrors.couldNotAuthenticate());
            return;
        }
        metrics.count(kind, AuthenticationMetrics.Outcome.SUCCESS);
        if (result.readOnly() && ScopeRules.needsWrite(request.getMethod(), request.getRequestURI())) {
            write(response, 403, ZendeskErrors.missingScope("write"));
            return;
        }
        if (result.scopes() != null) {
            Optional<String> missing =
                    ScopeRules.missingScope(result.scopes(), request.getMethod(), request.getRequestURI());
            if (missing.isPresent()) {
                write(response, 403, ZendeskErrors.missingScope(missing.get()));
                return;
            }
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SessionSignIn.authenticated(result.principal()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
