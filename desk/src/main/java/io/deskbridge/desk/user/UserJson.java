package io.deskbridge.desk.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.desk.api.OpenValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** A user in Zendesk's JSON shape. */
public record UserJson(
        Long id,
        String url,
        String name,
        // The schema types these as strings, never null: omitted when there is no value.
        @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        String role,
        boolean active,
        boolean suspended,
        boolean verified,
        Long organizationId,
        String externalId,
        String phone,
        // Zendesk's user details and notes (agents and admins see them); "" when empty, as Zendesk.
        String details,
        String notes,
        List<String> tags,
        String timeZone,
        String ianaTimeZone,
        String locale,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastLoginAt,
        JsonNode userFields) {

    public static UserJson of(UserAccount user, String baseUrl) {
        return new UserJson(
                user.id(),
                baseUrl + "/api/v2/users/" + user.id() + ".json",
                user.name(),
                user.email(),
                user.role().wireName(),
                user.active(),
                user.suspended(),
                user.verified(),
                user.organizationId(),
                user.externalId(),
                user.phone(),
                Objects.toString(user.details(), ""),
                Objects.toString(user.notes(), ""),
                user.tags(),
                user.timeZone(),
                user.timeZone(),
                user.locale(),
                user.createdAt(),
                user.updatedAt(),
                user.lastLoginAt(),
                OpenValues.tree(user.userFields()));
    }

    /** What Zendesk answers on {@code /users/me} to a caller without credentials. */
    static UserJson anonymous() {
        return new UserJson(
                null,
                null,
                "Anonymous user",
                "invalid@example.com",
                Role.END_USER.wireName(),
                true,
                false,
                false,
                null,
                null,
                null,
                "",
                "",
                List.of(),
                "UTC",
                "UTC",
                "en-US",
                null,
                null,
                null,
                OpenValues.tree(Map.of()));
    }
}
