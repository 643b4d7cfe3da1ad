package io.deskbridge.desk.ratelimit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code desk.rate-limit.*}.
 *
 * @param requestsPerMinute the account's API budget per minute (Zendesk Enterprise: 700)
 */
@Validated
@ConfigurationProperties("desk.rate-limit")
public record RateLimitProperties(@Min(1) int requestsPerMinute) {}
