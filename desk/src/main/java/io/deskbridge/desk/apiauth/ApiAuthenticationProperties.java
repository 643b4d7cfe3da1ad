package io.deskbridge.desk.apiauth;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code desk.auth.*}.
 *
 * @param failedAttemptsPerMinute failed API authentications one client address may make per minute
 *     before every further attempt from it is refused with 429 (stricter than any plan's rate limit,
 *     as OWASP API2 asks)
 * @param failedAttemptsPerMinutePerAccount failed authentications as one email (from any address)
 *     per minute before every further attempt as it is refused (Basic credentials and sign-in)
 */
@Validated
@ConfigurationProperties("desk.auth")
public record ApiAuthenticationProperties(
        @Min(1) int failedAttemptsPerMinute, @Min(1) int failedAttemptsPerMinutePerAccount) {}
