/**
 * Tickets, their comments and audits, deleted tickets, idempotent creation.
 *
 * <h2>Wire model (decision)</h2>
 *
 * Zendesk's objects are records ({@link io.deskbridge.desk.ticket.TicketJson}, {@code CommentJson},
 * {@code AuditJson}, {@link io.deskbridge.desk.ticket.AuditEvent}, {@link io.deskbridge.desk.ticket.Via})
 * serialised by Spring's Jackson in snake case. Zendesk's envelopes are <b>one small record per
 * resource</b> ({@code TicketResponse(ticket, audit, users, organizations)}, {@code TicketsResponse(tickets,
 * paging, …)}), nested in the controller that answers with them, because the envelope key is the
 * resource's name: a generic {@code Envelope<T>(String key, T item)} would need a hand-written
 * serializer and would give springdoc nothing to document. What is generic is the paging: a sealed
 * {@link io.deskbridge.desk.pagination.Paging} ({@code next_page}/{@code previous_page}/{@code count}, or
 * {@code meta}/{@code links}) held as a {@code @JsonUnwrapped} component, so its fields sit beside the
 * array as in Zendesk. Nulls Zendesk sends are sent (Jackson's default, ALWAYS); the few fields Zendesk
 * leaves out when empty ({@code recipient}, sideloads, an update's missing {@code audit}) are
 * {@code @JsonInclude(NON_NULL)}. Open-ended values (custom field values, audit event values,
 * {@code via.source.from}/{@code to}) are {@code JsonNode}.
 *
 * <h2>Queries</h2>
 *
 * Callers describe which tickets they want with {@link io.deskbridge.desk.ticket.TicketFilter} (typed
 * criteria) and {@link io.deskbridge.desk.pagination.PageQuery} (order and window); only
 * {@code TicketRepository} turns them into SQL, and values only ever travel as bind parameters.
 *
 * <h2>Read path (decision)</h2>
 *
 * {@code tags}, {@code collaborator_ids} and {@code follower_ids} are SQL arrays (V7,
 * {@code TicketArrayColumnsMigration}): a row maps to a {@link io.deskbridge.desk.ticket.Ticket} without
 * parsing anything. {@code custom_fields} stays one JSON document column (its values are open-ended),
 * stored as {@code []} when empty and parsed only when a ticket has values. {@code ticket_tags} keeps
 * one row per tag for tag search. Rows map straight to records and Jackson writes the records.
 *
 * <h2>Read cache and consistency (decision)</h2>
 *
 * {@code GET /api/v2/tickets/{id}} without {@code include} answers with bytes rendered earlier when it
 * can ({@link io.deskbridge.desk.ticket.TicketReadCache}): the body depends on the ticket row and the
 * request's base URL only, and who may read it is decided by the security chain before the controller
 * runs (the tickets API is agent-only, OAuth scopes included; desk has no per-ticket agent
 * restrictions), so cached bytes are never served to a caller the database read would have refused.
 * {@code GET /tickets} without {@code include} reads the page's ids (and sort columns) from the
 * database and writes each ticket as a read by id would (decision, issue 16: reading and comparing
 * every row was most of a page's cost): membership and order are the query's, the ticket objects
 * follow the bounds below. {@code show_many} without {@code include} writes a ticket's cached
 * rendering only when it was rendered from a row equal to the one just read, so it is exactly as
 * fresh as its query; with {@code include}, lists and sideloads read the database every time. The
 * exports do not use the cache (a walk over every ticket would only churn it): they write each ticket
 * with {@link io.deskbridge.desk.ticket.TicketJsonWriter}, which gives Jackson's bytes without
 * Jackson's per-field work. What a reader sees:
 * <ul>
 *   <li><b>Same instance: read-your-writes, and every committed change at once.</b> Every statement
 *       that changes a ticket row is in {@code TicketRepository} (API updates, bulk jobs, imports,
 *       merges, deletes and restores, triggers and automations, satisfaction ratings, problem links,
 *       purges); each drops the ticket's entry when it runs and again when its transaction completes,
 *       and an entry rendered from a row read before such a drop is never kept. The test double's
 *       reset and restore empty the cache through the cluster {@code ChangeEpoch}. User and
 *       organization changes do not appear in the ticket object (it carries their ids only).</li>
 *   <li><b>Another instance on the same PostgreSQL: at most {@code desk.tickets.read-cache-ttl} (default
 *       1 s) behind.</b> An entry is served for that long after it was rendered, then the row is read
 *       again; a reset or restore made on another instance empties the cache within the epoch poll
 *       interval ({@code desk.cluster.epoch-poll-interval}, 200 ms). The same bound applies to rows
 *       changed straight in the database. {@code desk.tickets.read-cache-ttl=0} turns the cache off
 *       (every read goes to the database). {@code TwoInstanceTicketReadIntegrationTests} checks both.</li>
 * </ul>
 *
 * <h2>History: audits and metric sets (decisions)</h2>
 *
 * Audits are what desk already records on every create and update ({@code ticket_audits}); comments
 * appear in them as {@code Comment} events, which is how tap-zendesk builds its comments stream.
 * {@code /tickets/{id}/audits} pages like every list (offset, or cursor with {@code page[size]});
 * {@code /ticket_audits} is Zendesk's cursor-only list, newest first, with {@code before_url} /
 * {@code after_url} ({@code TicketHistoryController}). Metric sets are not stored: {@link
 * io.deskbridge.desk.ticket.TicketMetrics} derives them from the audits whenever they are shown (one
 * query for a page of tickets), so they can never disagree with the history; desk has no business-hour
 * schedules, so business minutes equal calendar minutes. A metric set's id is its ticket's id.
 * {@code /incremental/ticket_metric_events} is derived from the same audits ({@link
 * io.deskbridge.desk.ticket.TicketMetricEvents}, paged by {@link io.deskbridge.desk.ticket.TicketMetricEventLog}):
 * an agent's public reply fulfils {@code reply_time} at the time the metric set's
 * {@code reply_time_in_seconds} ends, solving fulfils what is open, and pauses follow the statuses the
 * metric set's wait times count. SLA events ({@code apply_sla}, {@code breach}, {@code update_status})
 * are not emitted: SLA policies are stored but not applied to tickets.
 *
 * <h2>Business rules (decision)</h2>
 *
 * Every create and update runs the {@link io.deskbridge.desk.ticket.TicketRules} hook (the triggers,
 * implemented in businessrule so tickets do not depend on rules) after the caller's changes are saved
 * and before {@link io.deskbridge.desk.ticket.TicketChanged} is published; what the rules set is
 * written in the same audit ({@code Change} events carrying the rule's {@code via}, {@code
 * Notification} events), so {@code TicketChanged} carries the final ticket once. Automations change a
 * ticket through {@code Tickets.applyAutomation} (an audit through {@code rule}, author -1).
 *
 * <h2>Satisfaction (decision)</h2>
 *
 * The ticket row carries its {@code satisfaction_rating} summary ({@link
 * io.deskbridge.desk.ticket.TicketSatisfaction}), written by the satisfaction capability through
 * {@code Tickets.recordSatisfaction}; the ratings themselves live in {@code satisfaction/}.
 */
package io.deskbridge.desk.ticket;
