/**
 * Credential hand-over: an operator creates a one-time request link for a connection; the Zendesk
 * admin opens it without signing in, reads who asks and why, and submits an email and API token once.
 * Only a hash of the link's token is stored; a used, expired or replaced link answers 410, and a
 * second use is audited as a possible interception.
 */
package io.deskbridge.sync.handover;
