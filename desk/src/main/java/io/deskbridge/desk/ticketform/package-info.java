/**
 * Ticket forms: {@code /api/v2/ticket_forms} list, show, create, update, delete. Admins write, agents
 * read.
 *
 * <p>Decisions. V8_4 creates the "Default Ticket Form"; exactly one form is the default
 * ({@code "default": true} moves it; the default form cannot be deleted or deactivated, 422). Its
 * {@code ticket_field_ids} start empty, meaning "every active field", which is what desk's ticket
 * writes accept today. {@code ticket_field_ids} must name existing ticket fields (422 otherwise).
 * Forms are in every brand ({@code in_all_brands}, no {@code restricted_brand_ids}); conditional
 * fields ({@code agent_conditions}, {@code end_user_conditions}) are not supported and answered empty.
 * Tickets do not carry a {@code ticket_form_id} yet (a later step in ticket/).
 */
package io.deskbridge.desk.ticketform;
