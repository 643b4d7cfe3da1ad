package io.deskbridge.desk.ratelimit;

import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every API request against the account's per-minute budget (a Bucket4j bucket refilled
 * greedily) and reports it in Zendesk's headers on every response, 401s included:
 * {@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining}, {@code ratelimit-limit},
 * {@code ratelimit-remaining}, {@code ratelimit-reset}. This filter does not refuse requests.
 */
public class RateLimitHeadersFilter extends OncePerRequestFilter {

    private final int limit;
    private final Bucket bucket;
    private final Clock clock;

    RateLimitHeadersFilter(RateLimitProperties properties, Clock clock) {
        this.limit = properties.requestsPerMinute();
        this.clock = clock;
        this.bucket = Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        bucket.tryConsume(1);
        long remaining = Math.max(0, bucket.getAvailableTokens());
        long reset = 60 - (clock.instant().getEpochSecond() % 60);
        response.setHeader("X-Rate-Limit", Integer.toString(limit));
        response.setHeader("X-Rate-Limit-Remaining", Long.toString(remaining));
        response.setHeader("ratelimit-limit", Integer.toString(limit));
        response.setHeader("ratelimit-remaining", Long.toString(remaining));
        response.setHeader("ratelimit-reset", Long.toString(reset));
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Before Spring Security (order -100), so refusals carry the headers too. */
        @Bean
        FilterRegistrationBean<RateLimitHeadersFilter> rateLimitHeaders(RateLimitProperties properties, Clock clock) {
            FilterRegistrationBean<RateLimitHeadersFilter> registration =
                    new FilterRegistrationBean<>(new RateLimitHeadersFilter(properties, clock));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(-200);
            return registration;
        }
    }
}
