/**
 * Group memberships: {@code /api/v2/group_memberships}, {@code /groups/{id}/memberships},
 * {@code /users/{id}/group_memberships} (list, show, create, delete), the {@code assignable} lists and
 * {@code make_default}. Admins write, agents read.
 *
 * <p>Decisions. Only agents and admins can be members (422 for an end user, as Zendesk refuses). A
 * user's first membership is the default one; deleting the default makes the oldest remaining one the
 * default. Every group is assignable in desk (no private groups), so the {@code assignable} lists are
 * the plain lists. Lists are read whole and paged in memory: agents × groups, hundreds of rows, not
 * millions. Deleting a group or demoting an agent does not remove memberships yet (group/ and user/
 * are other capabilities; they will call {@link io.deskbridge.desk.groupmembership.GroupMemberships}).
 */
package io.deskbridge.desk.groupmembership;
