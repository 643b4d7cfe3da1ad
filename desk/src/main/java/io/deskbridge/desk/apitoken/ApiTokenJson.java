package io.deskbridge.desk.apitoken;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A token in the shape of Zendesk's {@code api_tokens} objects ({@code id, user_id, assigned_user_id,
 * description, active, created_at, updated_at, last_used, visible_token}, {@code token} only when just
 * generated) plus desk's fields. Decision: {@code assigned_user_id} is the user the token is bound to
 * (its owner), or null for a token that authenticates as any user.
 */
record ApiTokenJson(
        long id,
        String url,
        long userId,
        Long assignedUserId,
        String description,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        Instant lastUsed,
        String lastUsedIp,
        String visibleToken,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token,
        String scope,
        String authenticatesAs,
        String status,
        Instant expiresAt,
        Instant deactivatedAt,
        String deactivationReason,
        Instant rotatedAt,
        Instant previousValueValidUntil) {

    static ApiTokenJson of(ApiToken t, String baseUrl, String value) {
        return new ApiTokenJson(
                t.id(),
                baseUrl + "/api/v2/api_tokens/" + t.id() + ".json",
                t.ownerId(),
                t.authenticatesAs() == AuthenticatesAs.OWNER_ONLY ? t.ownerId() : null,
                t.description(),
                t.status() != TokenStatus.DEACTIVATED && t.status() != TokenStatus.EXPIRED,
                t.createdAt(),
                t.updatedAt(),
                t.lastUsedAt(),
                t.lastUsedIp(),
                t.maskedValue(),
                value,
                t.scope().wireName(),
                t.authenticatesAs().wireName(),
                t.status().wireName(),
                t.expiresAt(),
                t.deactivatedAt(),
                t.deactivationReason(),
                t.rotatedAt(),
                t.previousValueValidUntil());
    }
}
