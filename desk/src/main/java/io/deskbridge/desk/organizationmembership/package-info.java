/**
 * Organization memberships, read only: {@code GET /api/v2/organization_memberships[/{id}]},
 * {@code /users/{id}/organization_memberships[/{id}]}, {@code /organizations/{id}/organization_memberships}.
 *
 * <p>Decisions, and the gap. desk keeps one organization per user, in {@code users.organization_id}
 * (V2); there is no membership table yet. A membership is therefore derived: one per active user with
 * an organization, its id the user's id, always the default, {@code view_tickets} the organization's
 * {@code shared_tickets}, its times the user's. Users in several organizations, creating and deleting
 * memberships (POST and DELETE answer 405) and {@code make_default} need a membership table
 * that user/ writes through; that is a later step. Lists page by id in SQL (offset and cursor): there
 * are as many memberships as users.
 */
package io.deskbridge.desk.organizationmembership;
