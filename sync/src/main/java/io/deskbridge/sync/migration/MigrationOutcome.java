package io.deskbridge.sync.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A connection after its switch to OAuth, and what the admin should do next. */
@Schema(name = "MigrationOutcome", description = "The connection now uses OAuth; delete the old token.")
public record MigrationOutcome(
        long connectionId,

        @Schema(description = "The credential version now in use")
        int credentialVersion,

        @Schema(description = "Whom the account authenticated the OAuth credential as")
        String authenticatedAs,

        @Schema(nullable = true) Instant accessTokenExpiresAt,

        @Schema(
                description = "How sync renews the access token",
                allowableValues = {"client_credentials", "refresh_token", "none"})
        String renewal,

        @Schema(description = "The reminder to delete the old API token, with where")
        String reminder,

        @Schema(description = "The Admin Center page of the old token")
        String apiTokenUrl) {}
