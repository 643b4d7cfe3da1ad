package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends the account's budget for every API request that got past authentication and authorization,
 * and refuses it with 429 when the budget is spent, before any controller runs. Incremental exports
 * ({@code /api/v2/incremental/**}) spend their own budget first and then the account's.
 *
 * <p>Decision, who spends: only authenticated callers. Requests refused with 401/403 and anonymous
 * ones ({@code /api/v2/users/me} answers those) carry the headers but spend nothing, so nobody without
 * credentials can use up the budget the account's integrations live on; unauthenticated floods meet
 * the failed-authentication throttle instead.
 *
 * <p>Decision, 429 bodies: Zendesk documents the account limit's body as the plain text "Number of
 * allowed API requests per minute exceeded", so that is sent as {@code text/plain}; clients key on the
 * status and {@code Retry-After}, never parse that body. The incremental export limit answers with
 * the JSON Zendesk sends for it (as seen by zendesk-java-client issue 319 and Airbyte issue 11899):
 * {@code {"error":"APIRateLimitExceeded","description":"Number of allowed incremental export API
 * requests per minute exceeded"}}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String REQUESTS_EXCEEDED = "Number of allowed API requests per minute exceeded";
    static final String EXPORTS_EXCEEDED = "{\"error\":\"APIRateLimitExceeded\",\"description\":"
            + "\"Number of allowed incremental export API requests per minute exceeded\"}";

    private final ApiLimits limits;
    private final RateLimiter limiter;
    private final boolean enforce;
    private final Counter requestsRefused;
    private final Counter exportsRefused;

    RateLimitFilter(ApiLimits limits, RateLimiter limiter, boolean enforce, MeterRegistry metrics) {
        this.limits = limits;
        this.limiter = limiter;
        this.enforce = enforce;
        this.requestsRefused = refusals(metrics, "requests");
        this.exportsRefused = refusals(metrics, "exports");
    }

    /** {@code desk_ratelimit_refused_total{budget="requests"|"exports"}}: the 429s this instance sent. */
    private static Counter refusals(MeterRegistry metrics, String budget) {
        return Counter.builder("desk.ratelimit.refused")
                .description("Requests refused with 429 because a per-minute budget was spent")
                .tag("budget", budget)
                .register(metrics);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RateLimitHeaders.path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Budgets budgets =
                request.getAttribute(RateLimitHeadersFilter.BUDGETS) instanceof RateLimiter.Budgets selected
                        ? selected
                        : limiter.budgets(limits.current());
        // The sandbox clock and desk.rate-limit.enforce=false count and report, and never refuse.
        boolean enforcing = enforce && !budgets.limits().sandbox();
        long reset = limiter.secondsToReset();

        ConsumptionProbe export = null;
        if (RateLimitHeaders.isExport(request)) {
            export = budgets.exports().tryConsume();
            RateLimitHeaders.exports(response, budgets.exports().limit(), export.getRemainingTokens(), reset);
            if (!export.isConsumed() && enforcing) {
                exportsRefused.increment();
                refuse(response, export, "application/json", EXPORTS_EXCEEDED);
                return;
            }
        }
        ConsumptionProbe account = budgets.requests().tryConsume();
        RateLimitHeaders.requests(response, budgets.requests().limit(), account.getRemainingTokens(), reset);
        if (!account.isConsumed() && enforcing) {
            if (export != null && export.isConsumed()) {
                // Refused all the same: the export budget is not spent on it.
                budgets.exports().refund();
                RateLimitHeaders.exports(response, budgets.exports().limit(), export.getRemainingTokens() + 1, reset);
            }
            requestsRefused.increment();
            refuse(response, account, "text/plain;charset=UTF-8", REQUESTS_EXCEEDED);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, ConsumptionProbe probe, String contentType, String body)
            throws IOException {
        long seconds =
                (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
        response.setContentType(contentType);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
