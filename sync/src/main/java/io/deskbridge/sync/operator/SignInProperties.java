package io.deskbridge.sync.operator;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How operator sign-in (form and HTTP Basic) is protected.
 *
 * @param failuresPerMinutePerAddress {@code sync.sign-in.failures-per-minute-per-address}: failed
 *     sign-ins one client address may make per minute before its attempts are refused (429)
 * @param failuresPerMinutePerAccount {@code sync.sign-in.failures-per-minute-per-account}: failed
 *     sign-ins as one email, from any address, per minute before sign-ins as it are refused; higher than
 *     the per-address budget so that one noisy address alone cannot lock the operator out
 * @param verifiedCredentialsCache {@code sync.sign-in.verified-credentials-cache}: how long a verified
 *     email and password are remembered (by a keyed hash) so that API calls do not each pay a bcrypt
 *     check; 0 turns the cache off
 */
@Validated
@ConfigurationProperties("sync.sign-in")
public record SignInProperties(
        @Min(1) int failuresPerMinutePerAddress,
        @Min(1) int failuresPerMinutePerAccount,

        @NotNull @DurationMin(seconds = 0) @DurationMax(hours = 1)
        Duration verifiedCredentialsCache) {}
