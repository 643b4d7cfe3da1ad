package io.deskbridge.desk.apitoken;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code desk.tokens.*}.
 *
 * @param pepper base64 of at least 32 random bytes ({@code DESK_TOKEN_PEPPER}); when blank, desk
 *     generates one into {@code <data-dir>/token-pepper} on first start. Every instance sharing one
 *     database must use the same pepper.
 * @param pepperVersion the version of {@code pepper}; bump it when rotating the pepper
 * @param previousPeppers older peppers by version, still accepted for tokens hashed with them
 * @param maxPerAccount the token cap (Zendesk: 256)
 * @param lastUsedFlushInterval how often coalesced last-used times are written
 * @param lifecycleSweepInterval how often expiry, idle deactivation and deletion run
 * @param expiringSoon how close to expiry a token shows "expiring soon"
 */
@Validated
@ConfigurationProperties("desk.tokens")
public record ApiTokenProperties(
        String pepper,
        @Min(1) int pepperVersion,
        Map<Integer, String> previousPeppers,
        @Min(1) @Max(100_000) int maxPerAccount,
        @NotNull Duration lastUsedFlushInterval,
        @NotNull Duration lifecycleSweepInterval,
        @NotNull Duration expiringSoon) {

    public ApiTokenProperties {
        previousPeppers = previousPeppers == null ? Map.of() : Map.copyOf(previousPeppers);
    }
}
