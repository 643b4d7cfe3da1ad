package io.deskbridge.desk.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security and reports the account's budget on every API response, refusals by
 * authentication (401, 403, and the failed-authentication throttle's 429) included:
 * {@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining}, {@code ratelimit-limit},
 * {@code ratelimit-remaining}, {@code ratelimit-reset}, plus
 * {@code zendesk-ratelimit-incremental-exports} on incremental exports. It only reads the buckets;
 * {@link RateLimitFilter} spends them once the caller is known, and rewrites the headers.
 */
class RateLimitHeadersFilter extends OncePerRequestFilter {

    static final String BUDGETS = RateLimitHeadersFilter.class.getName() + ".budgets";

    private final ApiLimits limits;
    private final RateLimiter limiter;

    RateLimitHeadersFilter(ApiLimits limits, RateLimiter limiter) {
        this.limits = limits;
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RateLimitHeaders.path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Budgets budgets = limiter.budgets(limits.current());
        request.setAttribute(BUDGETS, budgets);
        long reset = limiter.secondsToReset();
        RateLimitHeaders.requests(
                response, budgets.requests().limit(), budgets.requests().remaining(), reset);
        if (RateLimitHeaders.isExport(request)) {
            RateLimitHeaders.exports(
                    response, budgets.exports().limit(), budgets.exports().remaining(), reset);
        }
        chain.doFilter(request, response);
    }
}
