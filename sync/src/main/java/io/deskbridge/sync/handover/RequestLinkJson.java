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
        String url) {

    static RequestLinkJson of(RequestLink link, Instant now, String url) {
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
                url);
    }

    /** {@code {"request_link": {..}}}. */
    public record RequestLinkBody(RequestLinkJson requestLink) {}

    /** {@code {"request_links": [..]}}. */
    public record RequestLinkListBody(List<RequestLinkJson> requestLinks) {}
}
