/**
 * Talking to a Zendesk-compatible Support API: one exchange at a time ({@link
 * io.deskbridge.sync.zendesk.ZendeskHttp}), its answer with the rate-limit headers read ({@link
 * io.deskbridge.sync.zendesk.ZendeskResponse}, {@link io.deskbridge.sync.zendesk.RateLimits}).
 * Nothing here assumes desk: the same code talks to a real Zendesk account.
 */
package io.deskbridge.sync.zendesk;
