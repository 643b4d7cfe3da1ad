package io.deskbridge.desk.testdouble;

import io.deskbridge.desk.api.ZendeskErrors;
import io.deskbridge.desk.testdouble.FaultInjector.Fault;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * First of all filters. While the test double is off, {@code /_desk} and everything under it answers
 * 404 (Zendesk's unknown-path body) before authentication, so a production desk does not even reveal
 * that the API exists. While on, every other request first meets {@link FaultInjector}: an injected
 * fault answers in front of everything else, as a failing Zendesk edge would, so it costs no budget
 * and needs no credentials to be seen.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TestDoubleFilter extends OncePerRequestFilter {

    /** Desk's own 429 text (see ratelimit.RateLimitFilter): Zendesk documents this plain-text body. */
    static final String RATE_LIMITED = "Number of allowed API requests per minute exceeded";

    private final TestDoubleProperties properties;
    private final FaultInjector faults;
    private final ObjectMapper json;

    TestDoubleFilter(TestDoubleProperties properties, FaultInjector faults, ObjectMapper json) {
        this.properties = properties;
        this.faults = faults;
        this.json = json;
    }

    static boolean isTestDoublePath(String uri) {
        return uri.equals("/_desk") || uri.startsWith("/_desk/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (isTestDoublePath(uri)) {
            if (properties.enabled()) {
                chain.doFilter(request, response);
            } else {
                write(response, 404, ZendeskErrors.error("InvalidEndpoint", "Not found"));
            }
            return;
        }
        Optional<Fault> fault = properties.enabled() ? faults.take(request.getMethod(), uri) : Optional.empty();
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Fault injected = fault.get();
        if (injected.delayMs() > 0) {
            try {
                Thread.sleep(injected.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (injected.status() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (injected.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(injected.retryAfter()));
        }
        response.setHeader("X-Desk-Injected-Fault", Long.toString(injected.id()));
        if (injected.status() == 429) {
            response.setStatus(429);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=utf-8");
            response.getOutputStream().write(RATE_LIMITED.getBytes(StandardCharsets.UTF_8));
            return;
        }
        write(response, injected.status(), serverError(injected.status()));
    }

    /**
     * Decision: Zendesk's 5xx bodies are not documented; these use its {@code {"error","description"}}
     * shape with the reason phrase, which clients log and never parse.
     */
    private static Map<String, Object> serverError(int status) {
        return switch (status) {
            case 502 -> ZendeskErrors.error("BadGateway", "Bad Gateway");
            case 503 -> ZendeskErrors.error("ServiceUnavailable", "Service Unavailable");
            default -> ZendeskErrors.error("InternalServerError", "Internal Server Error");
        };
    }

    private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
