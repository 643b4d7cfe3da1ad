package io.deskbridge.desk.webhook;

/**
 * A webhook with its sealed columns, as only this package sees it.
 *
 * @param authSealed the sealed credential, null without authentication
 * @param signingSecretSealed the sealed signing secret
 */
record StoredWebhook(Webhook webhook, String authSealed, String signingSecretSealed) {}
