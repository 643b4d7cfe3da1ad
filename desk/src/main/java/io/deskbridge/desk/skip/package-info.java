/**
 * Ticket skips ({@code /api/v2/skips}, {@code /tickets/{id}/skips}, {@code /users/{id}/skips},
 * {@code POST /skips}): what Airbyte's ticket_skips and dlt's skips streams read.
 *
 * <p>Decisions. Admins see every skip; an agent sees their own only (Zendesk lets agents without
 * reports permission read their own skips, and desk has no reports permission), and reading another
 * agent's {@code /users/{id}/skips} is a 403. Skips come in id (= creation) order, {@code sort_order}
 * asc (Zendesk's default) or desc, in offset or cursor pagination. Each skip carries its ticket; a
 * skip of a ticket deleted since is listed without it.
 */
package io.deskbridge.desk.skip;
