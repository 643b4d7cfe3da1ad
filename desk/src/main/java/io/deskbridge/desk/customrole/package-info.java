/**
 * Custom agent roles, read only: {@code GET /api/v2/custom_roles}, {@code /custom_roles/{id}}.
 *
 * <p>Decisions. desk's agents have Zendesk's built-in roles only (agent, admin); it answers the
 * fixed set of roles a Zendesk Suite account starts with (Staff, Team lead, Advisor, Light agent,
 * Administrator), so connectors that sync roles get Zendesk's shapes. {@code team_member_count} is 0:
 * no agent carries a {@code custom_role_id} yet (a later step in user/). Creating, updating and
 * deleting roles are not served.
 */
package io.deskbridge.desk.customrole;
