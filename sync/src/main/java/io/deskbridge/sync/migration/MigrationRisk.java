package io.deskbridge.sync.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What threatens one token connection, and how to move it to OAuth. Day counts are whole days from
 * the injected clock's now; null where the date is unknown or does not apply.
 */
@Schema(
        name = "MigrationRisk",
        description = "A connection that still uses an API token: its deadlines and the way to OAuth.")
public record MigrationRisk(
        long connectionId,
        String connectionName,
        @Schema(example = "https://acme.zendesk.com") String address,

        @Schema(description = "true for *.zendesk.com, where Zendesk's cut-off applies")
        boolean zendeskCloud,

        @Schema(description = "The email the token acts as") String tokenEmail,

        @Schema(description = "The day Zendesk turns off every API token; null for other servers", nullable = true)
        LocalDate tokensStopOn,

        @Schema(description = "Days from today (UTC) to tokens_stop_on; negative once passed", nullable = true)
        Long daysToCutoff,

        @Schema(description = "The token's id in the account's token list, when it could be matched", nullable = true)
        Long tokenId,

        @Schema(description = "When the account last saw the token used", nullable = true)
        Instant tokenLastUsedAt,

        @Schema(description = "token_last_used_at + 30 days: tokens unused that long are deactivated", nullable = true)
        Instant idleDeactivationAt,

        @Schema(nullable = true) Long daysToIdleDeactivation,

        @Schema(description = "The token's own expiry on the account (desk)", nullable = true)
        Instant tokenExpiresAt,

        @Schema(nullable = true) Long daysToTokenExpiry,

        @Schema(description = "The nearest of the three deadlines, in days", nullable = true)
        Long daysLeft,

        @Schema(
                implementation = String.class,
                allowableValues = {"critical", "high", "medium", "low"})
        RiskLevel level,

        @Schema(description = "What is known and what is not, in words")
        List<String> notes,

        @Schema(description = "The Admin Center steps to create the OAuth client the switch needs")
        List<String> steps,

        @Schema(description = "The account's Admin Center page for OAuth clients")
        String oauthClientsUrl,

        @Schema(description = "The account's Admin Center page of the token (to delete it after the switch)")
        String apiTokenUrl) {}
