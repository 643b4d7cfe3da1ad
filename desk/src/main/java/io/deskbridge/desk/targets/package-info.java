/**
 * Targets (legacy): {@code GET /api/v2/targets} and {@code /targets/{id}}.
 *
 * <p>Decision. Zendesk deprecated targets in favour of webhooks and no longer lets accounts create
 * the HTTP and URL kinds; the remaining kinds (email, Jira, Basecamp...) send to third-party services
 * desk does not reach. desk never had targets: it has webhooks ({@code /api/v2/webhooks}), and
 * triggers notify those. So the list is empty (dlt reads it in offset style) and any id is a 404.
 */
package io.deskbridge.desk.targets;
