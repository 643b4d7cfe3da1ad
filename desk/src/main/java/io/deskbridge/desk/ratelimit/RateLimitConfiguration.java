package io.deskbridge.desk.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the buckets live ({@code desk.redis-url}) and the two filters around Spring Security. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** Spring Security's filter chain runs at this order. */
    private static final int SECURITY_ORDER = -100;

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, @Value("${desk.redis-url:}") String redisUrl, Clock clock) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        RateLimiter limiter = redisUrl.isBlank()
                ? new RateLimiter(properties.redisKeyPrefix(), time)
                : new RateLimiter(
                        RedisBuckets.connect(redisUrl.strip(), properties.redisTimeout(), time),
                        properties.redisKeyPrefix(),
                        time);
        log.info("API rate limits are counted in {}", limiter.where());
        if (!properties.enforce()) {
            log.warn("desk.rate-limit.enforce=false: API rate limits are reported in the headers but never "
                    + "enforced on this instance; production runs with true");
        }
        return limiter;
    }

    /** Before Spring Security, so that its refusals carry the headers too. */
    @Bean
    FilterRegistrationBean<RateLimitHeadersFilter> rateLimitHeaders(ApiLimits limits, RateLimiter limiter) {
        FilterRegistrationBean<RateLimitHeadersFilter> registration =
                new FilterRegistrationBean<>(new RateLimitHeadersFilter(limits, limiter));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SECURITY_ORDER - 100);
        return registration;
    }

    /** After Spring Security, so that only authenticated callers spend the budget. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimits(
            ApiLimits limits, RateLimiter limiter, RateLimitProperties properties, MeterRegistry metrics) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, limiter, properties.enforce(), metrics));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SECURITY_ORDER + 1);
        return registration;
    }
}
