package io.deskbridge.desk.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * {@code UserIdentityObject}. Decision: {@code deliverable_state} is {@code deliverable} for email
 * identities (desk sends no mail, so nothing bounces) and left out (null) for other types, as Zendesk
 * documents it for email only (the schema types it as a string, never null); {@code verification_method} follows {@code verified} (low / none).
 */
public record UserIdentityJson(
        String url,
        long id,
        long userId,
        String type,
        String value,
        boolean verified,
        boolean primary,
        @JsonInclude(JsonInclude.Include.NON_NULL) String deliverableState,
        int undeliverableCount,
        String verificationMethod,
        Instant createdAt,
        Instant updatedAt) {

    public static UserIdentityJson of(UserIdentity identity, String baseUrl) {
        return new UserIdentityJson(
                baseUrl + "/api/v2/users/" + identity.userId() + "/identities/" + identity.id() + ".json",
                identity.id(),
                identity.userId(),
                identity.type().wireName(),
                identity.value(),
                identity.verified(),
                identity.primary(),
                identity.type() == IdentityType.EMAIL ? "deliverable" : null,
                identity.undeliverableCount(),
                identity.verified() ? "low" : "none",
                identity.createdAt(),
                identity.updatedAt());
    }
}
