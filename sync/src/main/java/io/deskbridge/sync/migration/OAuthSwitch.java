package io.deskbridge.sync.migration;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OAuth credential to switch to: a confidential client's id and secret (sync asks the account
 * for a client-credentials token), or tokens obtained otherwise (an access token, with a refresh
 * token and the client when sync should refresh it). Never logged: {@link #toString()} hides secrets.
 *
 * @param expiresIn seconds the given access token lives; null when it does not expire or is unknown
 */
@Schema(
        name = "OAuthSwitch",
        description = "client_id + client_secret, or access_token (+ refresh_token, client_id, client_secret)")
public record OAuthSwitch(
        @Schema(description = "The OAuth client's unique identifier", example = "deskbridge_sync")
        String clientId,

        @Schema(description = "The client's secret (shown once when the client was created)", writeOnly = true)
        String clientSecret,

        @Schema(description = "An access token obtained otherwise", writeOnly = true)
        String accessToken,

        @Schema(description = "Its refresh token, if any", writeOnly = true)
        String refreshToken,

        @Schema(description = "Seconds the access token lives", nullable = true)
        Long expiresIn) {

    boolean givesTokens() {
        return accessToken != null && !accessToken.isBlank();
    }

    @Override
    public String toString() {
        return "OAuthSwitch[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "(secret)")
                + ", accessToken=" + (accessToken == null ? "none" : "(secret)") + ", refreshToken="
                + (refreshToken == null ? "none" : "(secret)") + ", expiresIn=" + expiresIn + "]";
    }
}
