/**
 * The agent activity stream ({@code GET /api/v2/activities}, {@code /activities/{id}},
 * {@code /activities/count}): what Airbyte's ticket_activities and dlt's activities streams read.
 *
 * <p>Decisions. Activities are written when a ticket changes ({@code TicketChanged}, in the same
 * transaction), for the agent the ticket is assigned to, when someone else: assigned it to them
 * ({@code tickets.assignment}), commented on it ({@code tickets.comment}) or raised its priority
 * ({@code tickets.priority_increase}) — Zendesk's three verbs. A list shows the caller's own
 * activities of the last 30 days (as Zendesk), {@code since} narrows it further; admins may show any
 * one activity, agents their own. Each activity embeds its {@code user} and {@code actor} and the list
 * sideloads {@code users} and {@code actors}, as Zendesk does.
 */
package io.deskbridge.desk.activity;
