/**
 * Business rules: {@code /api/v2/macros}, {@code /triggers}, {@code /automations}, {@code /views} and
 * {@code /slas/policies}, each list, show, create, update, delete; {@code /active}, {@code /search?query=}
 * and {@code /destroy_many?ids=} (all or nothing) for the first four; {@code /views/show_many};
 * {@code /triggers/reorder} and {@code /slas/policies/reorder}. Admins write, agents read.
 *
 * <p>Decisions.
 * <ul>
 *   <li>One capability for the five: Zendesk calls them business rules and they share one shape (a
 *       title, an order, conditions, and actions or metrics). One table, {@code kind} telling them
 *       apart; the conditions ({@code {"all": [...], "any": [...]}}; an SLA policy's {@code filter})
 *       and actions (an SLA policy's {@code policy_metrics}) are Zendesk's open-ended JSON, checked
 *       for shape (objects with a {@code field}; metrics with Zendesk's metric and priority names and
 *       a positive whole {@code target}) when stored; triggers and automations are interpreted when
 *       they run (below), and a condition or action desk does not know is skipped there.
 *   <li>Required, as Zendesk refuses without them (422): a title; actions on macros, triggers and
 *       automations; conditions on triggers, automations and views (views: at least one "all"
 *       condition); a filter on SLA policies.
 *   <li>A view's {@code execution} is stored as sent (or {@code output}, the older name), with
 *       Zendesk's default columns when absent.
 *   <li>Order: position then id; macros also sort by {@code created_at} or {@code updated_at}
 *       ({@code sort_by}/{@code sort_order}, as Airbyte's macros stream asks).
 * </ul>
 *
 * <h2>Triggers run (issue 12 item 3)</h2>
 * <ul>
 *   <li>When: inside the transaction of every ticket create and update, after the caller's changes
 *       are saved and before {@code TicketChanged} is published ({@link TriggerRunner} implements the
 *       ticket capability's {@code TicketRules} hook). Decision: the same transaction, not after
 *       commit, so the triggers' changes land in the write's own audit (as in Zendesk, each marked
 *       {@code via: {channel: "rule", source: {rel: "trigger", from: {id, title}}}}), listeners
 *       (webhook outbox, activities) see one change with its final state — each ticket event goes
 *       out once, never once for the write and again for the triggers — and a failure rolls the
 *       write, the triggers' changes and their webhook calls back together. The API answers the
 *       ticket as the triggers left it.
 *   <li>Cycle ({@link TriggerCycle}): active triggers in run order (triggers without a category
 *       first, then category position, then trigger position, then id); a trigger whose conditions
 *       hold fires and the next ones see its changes; after a pass that fired anything the ticket runs
 *       through the triggers that have not fired again; each trigger fires at most once per write;
 *       the cycle ends when a pass fires nothing. Closed tickets run none.
 *   <li>Conditions ({@link RuleConditions}) and actions ({@link RuleActions}): Zendesk's fields and
 *       operators as listed there and served by {@code /triggers/definitions}. Notifications:
 *       {@code notification_webhook} queues the rendered body ({@link Placeholders}, values by
 *       {@link RuleSideEffects}) in the webhook outbox — only for an active webhook subscribed to
 *       {@code conditional_ticket_events}, signed and retried like every delivery;
 *       {@code notification_user}/{@code notification_group} become {@code Notification} audit events
 *       with their recipients (desk sends no email).
 *   <li>Imports: a write whose channel is {@code import} runs no trigger
 *       ({@link TriggerRunner#IMPORT_CHANNEL}).
 * </ul>
 *
 * <h2>Automations run</h2>
 * <ul>
 *   <li>Hourly, on the injected clock: every instance polls ({@code desk.rules.automation-poll-interval})
 *       and the first to insert the hour into {@code automation_runs} runs it; the others skip it. A
 *       database row rather than db-scheduler keeps desk free of a second scheduler table for one
 *       job; an instance that dies mid-run leaves the hour claimed, and the next hour catches up
 *       (time conditions use {@code greater_than}, so nothing is missed for good).
 *   <li>Every active automation in position order over every ticket that is not closed; time
 *       conditions ({@code hours_since_created}, {@code _updated}, {@code _new}, {@code _open},
 *       {@code _pending}, {@code _hold}, {@code _solved}, {@code _closed}, {@code _assigned},
 *       {@code _requester_updated}, {@code _assignee_updated}, {@code _due_date}) in whole hours
 *       from the ticket and its audits. An automation fires once per ticket until a run finds its
 *       conditions false (Zendesk's nullifying condition); {@code automation_firings} records it in
 *       the transaction of the change. Its change is an audit through {@code rule}, authored by -1,
 *       and the triggers run after it, as in Zendesk.
 * </ul>
 */
package io.deskbridge.desk.businessrule;
