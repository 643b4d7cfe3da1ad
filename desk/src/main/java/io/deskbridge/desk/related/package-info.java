/**
 * What hangs off a user or an organization, as n8n's Zendesk node reads it:
 * {@code GET /api/v2/users/{id}/related} ({@code user_related}), {@code GET /api/v2/organizations/{id}/related}
 * ({@code organization_related}) and {@code GET /api/v2/users/{id}/organizations}.
 *
 * <p>Decisions. Counts are of live tickets (soft-deleted ones are not the user's tickets any more, as in
 * Zendesk's views). {@code ccd_tickets} counts the tickets whose {@code collaborator_ids} hold the user.
 * {@code organization_subscriptions} is 0: desk has no organization subscriptions (Help Center's). desk
 * keeps one organization per user ({@code users.organization_id}, see organizationmembership/), so
 * {@code /users/{id}/organizations} lists none or one, in Zendesk's offset page shape.
 */
package io.deskbridge.desk.related;
