package io.deskbridge.sync.handover;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A request link as the REST API shows it. The URL (which holds the token) is in the create response
 * only: sync keeps the token's hash, so it cannot show the URL again.
 */
@Schema(name = "RequestLink", description = "A one-time link for the Zendesk admin to hand over credentials.")
public record RequestLinkJson(
        long id,
        long connectionId,

        @Schema(allowableValues = {"open", "used", "expired", "revoked"})
        String status,

        @Schema(description = "The operator who created it") String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Schema(nullable = true) Instant usedAt,
        @Schema(nullable = true) String usedFromIp,

        @Schema(description = "When a newer link for the same connection replaced it", nullable = true)
        Instant revokedAt,

        @Schema(description = "The link to send; in the create response only, never again")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String url,

        @Schema(description = "The OAuth client the link's \"Connect with Zendesk\" button uses; absent without one")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String oauthClientId) {

    static RequestLinkJson of(RequestLink link, Instant now, String url) {
        return of(link, now, url, null);
    }

    static RequestLinkJson of(RequestLink link, Instant now, String url, String oauthClientId) {
        return new RequestLinkJson(
                link.id(),
                link.connectionId(),
                link.status(now).wireName(),
                link.createdBy(),
                link.createdAt(),
                link.expiresAt(),
                link.usedAt(),
                link.usedFromIp(),
                link.revokedAt(),
                url,
                oauthClientId);
    }

    /** {@code {"request_link": {..}}}. */
    public record RequestLinkBody(RequestLinkJson requestLink) {}

    /**
     * The optional body of a create: {@code {"oauth_client": {"identifier": .., "secret": .., "scope": ..}}}
     * makes the link offer "Connect with Zendesk" for that client.
     */
    public record NewRequestLinkBody(OAuthClientFields oauthClient) {}

    /**
     * The account's OAuth client (Admin Center → Apps and integrations → APIs → OAuth clients), with
     * sync's callback ({@code <public URL>/handover/oauth/callback}) among its redirect URLs.
     */
    public record OAuthClientFields(
            @Schema(description = "The client's unique identifier", example = "deskbridge_sync")
            String identifier,

            @Schema(
                    description = "The confidential client's secret (sealed at rest, never shown again); leave"
                            + " out for a public client, which uses PKCE only")
            String secret,

            @Schema(description = "Scopes to ask for; default \"read write\"", example = "read write")
            String scope) {

        @Override
        public String toString() {
            return "OAuthClientFields[identifier=" + identifier + ", secret=" + (secret == null ? "none" : "(secret)")
                    + ", scope=" + scope + "]";
        }
    }

    /** {@code {"request_links": [..]}}. */
    public record RequestLinkListBody(List<RequestLinkJson> requestLinks) {}
}
