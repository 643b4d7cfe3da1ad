package io.deskbridge.desk.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A desk user as the rest of desk sees it.
 *
 * @param sessionGeneration moves whenever the user's sign-in sessions must end (deleted, suspended,
 *     role changed, password reset); never on the wire
 */
public record UserAccount(
        long id,
        String name,
        String email,
        Role role,
        boolean active,
        boolean suspended,
        boolean verified,
        String timeZone,
        String locale,
        Long organizationId,
        String externalId,
        String phone,
        String details,
        String notes,
        List<String> tags,
        Map<String, Object> userFields,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt,
        long sessionGeneration) {

    /** The same user in another organization (or none). */
    public UserAccount withOrganizationId(Long organization) {
        return new UserAccount(
                id,
                name,
                email,
                role,
                active,
                suspended,
                verified,
                timeZone,
                locale,
                organization,
                externalId,
                phone,
                details,
                notes,
                tags,
                userFields,
                createdAt,
                updatedAt,
                lastLoginAt,
                sessionGeneration);
    }

    /** Active and not suspended: may sign in and call the API. */
    public boolean canAuthenticate() {
        return active && !suspended;
    }
}
