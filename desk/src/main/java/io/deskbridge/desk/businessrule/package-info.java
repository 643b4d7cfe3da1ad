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
 *       a positive whole {@code target}), not interpreted: desk does not run rules yet
 *       ({@code /views/{id}/execute}, {@code /macros/{id}/apply} and firing triggers and automations
 *       are later steps).
 *   <li>Required, as Zendesk refuses without them (422): a title; actions on macros, triggers and
 *       automations; conditions on triggers, automations and views (views: at least one "all"
 *       condition); a filter on SLA policies.
 *   <li>A view's {@code execution} is stored as sent (or {@code output}, the older name), with
 *       Zendesk's default columns when absent.
 *   <li>Order: position then id; macros also sort by {@code created_at} or {@code updated_at}
 *       ({@code sort_by}/{@code sort_order}, as Airbyte's macros stream asks).
 * </ul>
 */
package io.deskbridge.desk.businessrule;
