package io.deskbridge.desk.ratelimit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code desk.rate-limit.*}. The limits themselves come from the account's plan (Admin Center → Plan
 * and API limits); where the buckets live comes from {@code desk.redis-url}.
 *
 * @param enforce true in production: a spent budget answers 429. False counts and reports in the
 *     headers but never refuses, for test harnesses and load tests that must not be throttled,
 *     without touching the account's plan or its sandbox clock (which also relaxes export freshness)
 * @param redisKeyPrefix prefix of the bucket keys in Redis; desk installations sharing one Redis need
 *     different prefixes
 * @param redisTimeout how long a request waits for Redis before this instance limits it on its own
 */
@Validated
@ConfigurationProperties("desk.rate-limit")
public record RateLimitProperties(
        boolean enforce,
        @NotBlank String redisKeyPrefix,
        @NotNull Duration redisTimeout) {}
