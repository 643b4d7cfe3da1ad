/**
 * Zendesk's bulk calls, each answered at once with a queued {@code job_status} (jobstatus/ runs them):
 * tickets ({@code create_many}, {@code update_many} by {@code ids=} or per item, {@code destroy_many}),
 * users ({@code create_many}, {@code create_or_update_many}, {@code update_many}, {@code destroy_many}),
 * organizations, organization and group memberships, ticket imports ({@code /imports/tickets/create_many}),
 * permanent ticket deletes ({@code /deleted_tickets}) and {@code POST /tickets?async=true}. Users and
 * organizations also take {@code ?external_ids=} where Zendesk's OpenAPI document lists it.
 *
 * <p>Decisions. The bulk calls live in a capability of their own, not in ticket/ or user/, so those
 * stay free of the job machinery and the modules keep without cycles (jobstatus/ needs user/ for the
 * job's actor). Each item is written through its capability's facade ({@code Tickets}, {@code Users})
 * with the same input reading ({@code TicketInput}, {@code UserInput}) and role rules as the single
 * call: the same validation, audits, events, webhooks and cache epochs. Items are checked when the job
 * runs, not when it is queued, as in Zendesk: a bad item is a failed result, the others go on. Only
 * the envelope ({@code "tickets"} array, {@code ids}) and the batch limit (100) are checked up front.
 * Tags in bulk go through {@code update_many} ({@code additional_tags}, {@code remove_tags}), as in Zendesk.
 */
package io.deskbridge.desk.bulk;
