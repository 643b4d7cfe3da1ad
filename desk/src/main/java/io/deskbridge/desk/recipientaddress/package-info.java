/**
 * Support addresses: {@code GET /api/v2/recipient_addresses} and {@code /recipient_addresses/{id}}.
 *
 * <p>Decisions. Zendesk gives every brand a built-in support address,
 * {@code support@{brand subdomain}.zendesk.com}, and the default brand's is the account's default
 * address. desk derives the same from its brands: one address per brand, {@code support@{subdomain}.deskbridge.local},
 * its id and {@code brand_id} the brand's id, {@code default} the brand's default flag, its name the
 * brand's name, its times the brand's. desk has no email channel, so forwarding, SPF, CNAME and
 * domain verification are all {@code "unknown"} (never {@code "verified"}: nothing was checked) and
 * {@code dns_results} is left out. Adding external addresses (POST/PUT/DELETE, verify) needs that
 * email channel; until then those methods answer 405.
 */
package io.deskbridge.desk.recipientaddress;
