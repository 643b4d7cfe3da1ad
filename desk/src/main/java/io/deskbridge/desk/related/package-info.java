/**
 * What hangs off a user or an organization, as n8n's Zendesk node reads it:
 * {@code GET /api/v2/users/{id}/related} ({@code user_related}), {@code GET /api/v2/organizations/{id}/related}
 * ({@code organization_related}) and {@code GET /api/v2/users/{id}/organizations}.
 *
 * <p>Decisions. Counts are of live tickets (soft-deleted ones are not the user's tickets any more, as in
 * Zendesk's views). {@code ccd_tickets} counts the tickets whose {@code collaborator_ids} hold the user.
 * {@code organization_subscriptions} is 0: desk has no organization subscriptions (Help Center's).
 * {@code /users/{id}/organizations} lists every organization the user is a member of (see
 * organizationmembership/; at most 300, so one page), the default first, then by name, in Zendesk's
 * offset page shape; an organization's {@code users_count} counts its members.
 */
package io.deskbridge.desk.related;
