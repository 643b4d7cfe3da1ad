/**
 * Brands: {@code /api/v2/brands} list, show, create, update, delete. Admins write, agents read.
 *
 * <p>Decisions. V8_2 creates the default brand ("Deskbridge", subdomain {@code deskbridge}); there is
 * always exactly one default: {@code "default": true} on another brand moves it, and the default
 * brand can be neither deleted nor deactivated nor un-defaulted (422, as Zendesk refuses). Subdomains
 * are lower-cased, letters, digits and hyphens, unique. desk has no per-brand host names, so
 * {@code brand_url} is {@code https://{subdomain}.deskbridge.local}; Help Center is always disabled.
 * {@code ticket_form_ids} is empty until ticket forms are restricted per brand. Tickets do not carry a
 * {@code brand_id} yet (a later step in ticket/).
 */
package io.deskbridge.desk.brand;
