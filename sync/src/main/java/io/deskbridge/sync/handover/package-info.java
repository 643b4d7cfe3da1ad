/**
 * Credential hand-over: an operator creates a one-time request link for a connection; the Zendesk
 * admin opens it without signing in, reads who asks and why, and submits an email and API token once.
 * Only a hash of the link's token is stored; a used, expired or replaced link answers 410, and a
 * second use is audited as a possible interception.
 *
 * <p>"Connect with Zendesk" (issue 14): when the operator gave the link an OAuth client (REST body
 * {@code oauth_client}, or the console's form), the page also offers a button that runs the
 * authorization code grant with PKCE S256 against the account ({@link
 * io.deskbridge.sync.handover.ConnectWithZendesk}). Decisions: the client belongs to the link, not
 * the connection, so a new link can carry a corrected client and nothing outlives the hand-over; its
 * secret and each attempt's code verifier are sealed by the vault for the link ({@code
 * PurposeBinding}); the state is stored as a SHA-256 only, works once and for 10 minutes (never
 * beyond the link); the callback URL is one fixed path for every link ({@code
 * /handover/oauth/callback}), so one OAuth client serves every link of an account. The tokens then
 * complete the link through the same transaction as the token form.
 */
package io.deskbridge.sync.handover;
