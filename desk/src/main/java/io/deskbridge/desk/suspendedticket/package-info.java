/**
 * Suspended tickets: {@code GET /api/v2/suspended_tickets[/{id}]}, {@code DELETE /suspended_tickets/{id}},
 * {@code DELETE /suspended_tickets/destroy_many?ids=}, {@code PUT /suspended_tickets/{id}/recover} and
 * {@code PUT /suspended_tickets/recover_many?ids=}.
 *
 * <p>Decisions, and the gap. Zendesk suspends incoming email (and some web-form submissions) it
 * doubts: spam, an unknown or suspended sender, an automated reply. desk has no email channel yet, so
 * nothing suspends a message through the API and the list is usually empty; {@link SuspendedTickets#suspend}
 * is the seam the channel will call (tests call it to exercise the endpoints). Recovering makes a
 * real ticket: the author becomes its requester (found by email, or created as an end user), the
 * subject and content become the ticket's subject and first public comment, authored by them, through
 * the {@code api} channel; the suspended ticket is then gone, as in Zendesk. Recover answers
 * {@code {"ticket": [ticket]}}, the list shape Zendesk's OpenAPI document gives. {@code GET /{id}}
 * answers {@code {"suspended_ticket": …}} as Zendesk does (n8n reads that key). Ids that do not exist
 * are a 404 for one id and are skipped by the {@code _many} forms. Agents and admins may read, delete
 * and recover (Zendesk lets agents manage the suspended view). The list is offset or cursor paged
 * oldest first; Zendesk deletes suspended tickets after 14 days, so it stays short, and it is paged
 * in memory. Wire deviation: Zendesk's document types {@code author.id}, {@code brand_id}, {@code ticket_id},
 * {@code message_id} and {@code recipient} as non-nullable, so desk leaves them out when it has none.
 */
package io.deskbridge.desk.suspendedticket;
