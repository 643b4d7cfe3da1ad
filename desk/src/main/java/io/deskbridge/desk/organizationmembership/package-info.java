/**
 * Organization memberships: {@code /api/v2/organization_memberships[/{id}]},
 * {@code /users/{id}/organization_memberships[/{id}]} (list, show, create, delete),
 * {@code /users/{id}/organization_memberships/{id}/make_default} and
 * {@code /organizations/{id}/organization_memberships} (list).
 *
 * <p>Decisions. A user may be in several organizations (table {@code organization_memberships},
 * V15_1), at most {@value io.deskbridge.desk.organizationmembership.OrganizationMemberships#MAX_PER_USER}
 * of them (Zendesk's limit; one more is 422 {@code RecordInvalid} under {@code base}). One
 * membership is the user's default, and {@code users.organization_id} always names its organization
 * (NULL when the user is in none): every change here that moves the default sets it through
 * {@link io.deskbridge.desk.user.Users#applyDefaultOrganizations} in the same transaction, which also
 * bumps the cluster epoch, so every instance's cached users see the change as after a user update.
 * The rules, Zendesk's:
 *
 * <ul>
 *   <li>A user's first membership becomes the default; later ones are not ({@code "default": null},
 *       Zendesk's documented value for "not the default", never {@code false}).
 *   <li>Deleting the default membership makes the user's oldest remaining one the default, or leaves
 *       the user in no organization.
 *   <li>{@code make_default} moves the default and answers the user's memberships, default first,
 *       then by organization name, as Zendesk sorts a user's memberships.
 *   <li>A second membership of the same user and organization is 422 {@code DuplicateValue}.
 *   <li>An unknown organization, or an unknown user named in the body, is 422 {@code RecordInvalid}
 *       with {@code "Organization cannot be blank"} ({@code "User cannot be blank"}),
 *       {@code BlankValue}: Zendesk's answer when the id names nothing (seen in
 *       zendesk_api_client_php issue 353). An unknown user in the path is 404, like every
 *       {@code /users/{id}/...} path. Deleted (inactive) users count as unknown, and their
 *       memberships are not listed, as before this table.
 *   <li>Admins write any user's memberships; agents only end users' (create, delete and
 *       make_default, per Zendesk's "Allowed for ... Agents when ... for an end user"), else 403.
 *       End users reach none of this (the agent API).
 *   <li>A user create or update that sets {@code organization_id} (or a new user's email domain
 *       that maps to an organization) makes that organization the user's default membership in place
 *       of the previous default, reusing a membership the user already has in it: for a user in one
 *       organization this is Zendesk's "the user moves to the new organization"; the user's other
 *       memberships stay. {@code organization_id: null} on update still changes nothing.
 *   <li>Deleting an organization removes its memberships in the same transaction; its members whose
 *       default it was get their oldest other membership as default, or none. Tickets keep their
 *       organization (Zendesk unassigns working tickets in a background job; desk does not).
 * </ul>
 *
 * <p>Lists page by membership id in SQL (offset and cursor), user lists too (Zendesk sorts those
 * default first, then by name; an id order keeps cursors stable). Not served: {@code create_many}
 * and {@code destroy_many}, which Zendesk answers with a queued {@code job_status}; desk has no job
 * queue yet (see jobstatus/).
 */
package io.deskbridge.desk.organizationmembership;
