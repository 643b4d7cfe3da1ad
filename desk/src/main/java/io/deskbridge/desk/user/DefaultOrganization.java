package io.deskbridge.desk.user;

/**
 * A user's default organization after a membership change (organizationmembership/): what
 * {@code users.organization_id} must say, null when the user is in no organization any more.
 */
public record DefaultOrganization(long userId, Long organizationId) {}
