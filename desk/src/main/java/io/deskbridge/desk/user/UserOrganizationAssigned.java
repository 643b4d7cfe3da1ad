package io.deskbridge.desk.user;

/**
 * A user create or update set the user's organization ({@code organization_id} given, or the email's
 * domain mapped). Published inside the changing transaction, so organizationmembership/ keeps the
 * user's default membership in step before it commits.
 *
 * @param previousOrganizationId the organization before, null for a new user or one in none
 */
public record UserOrganizationAssigned(long userId, Long previousOrganizationId, long organizationId) {}
