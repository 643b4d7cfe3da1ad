/**
 * The agent workspace ({@code /agent/**}): a ticket list with filters, a ticket page with the
 * conversation and the audit trail, replies, internal notes, field changes and new tickets, for agents
 * and admins signed in through the Admin Center's form.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li><b>One write path.</b> Every change calls {@code ticket.Tickets} with the signed-in user and
 *       {@code ViaChannel.WEB}; nothing here writes SQL. Audits, comments, the incremental exports and
 *       webhooks therefore see a workspace change exactly as an API change, with {@code via.channel}
 *       {@code web} on its audit and comment. The ticket's own {@code via} stays the channel it was
 *       created through (Zendesk's meaning of a ticket's {@code via}).
 *   <li><b>Filters are the API's typed criteria</b> ({@code ticket.TicketFilter}): status (or
 *       {@code unsolved}), assignee ({@code me}, none, an agent), group (none, a group), one tag, and
 *       free-text words matched through the search index the API's search uses. Sorted by
 *       {@code updated_at} (newest first by default), offset pages of 25. An active API view
 *       ({@code /api/v2/views}) can be chosen too: its conditions are run as the same criteria where
 *       they can be said exactly, and a view they cannot say is refused by name, never approximated
 *       ({@link io.deskbridge.desk.agent.ViewConditions}).
 *   <li><b>Who may enter.</b> Agents and admins ({@code config.SecurityConfig}); end users get the
 *       access-denied page. Agents land here after signing in ({@link
 *       io.deskbridge.desk.agent.SignInLanding}); the Admin Center stays admins-only.
 *   <li><b>Refusals are the API's.</b> A closed ticket, an unknown assignee or group, a bad enum value:
 *       the page shows the facade's {@code RecordInvalid} descriptions with the API's status code (422)
 *       and nothing changes. Forms carry Spring Security's CSRF token; a post without it is refused
 *       (403) before any controller runs.
 *   <li><b>Comments are shown as plain text</b> (their {@code plain_body}), never as their
 *       {@code html_body}: an API caller may store any HTML there, and the page must not run it.
 *   <li><b>One time format</b> ({@link io.deskbridge.desk.agent.RelativeTime}): relative words, exact UTC
 *       time in the {@code title}.
 * </ul>
 */
package io.deskbridge.desk.agent;
