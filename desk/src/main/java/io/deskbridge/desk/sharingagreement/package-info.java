/**
 * Sharing agreements: {@code GET /api/v2/sharing_agreements} and {@code /sharing_agreements/{id}}.
 *
 * <p>Decision. A sharing agreement links two Zendesk accounts (or Jira) so that tickets are shared
 * between them. desk is one account and shares tickets with nobody, so the list is empty (dlt reads it
 * in Zendesk's offset style: {@code next_page} null, {@code count} 0) and any id is a 404. Creating one
 * would need a partner account to accept it; desk refuses with 405 rather than store an agreement that
 * can never be active.
 */
package io.deskbridge.desk.sharingagreement;
