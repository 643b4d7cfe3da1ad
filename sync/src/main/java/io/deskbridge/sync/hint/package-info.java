/**
 * Webhook hints (issue 11, "Done when" 4): a Zendesk webhook (desk's too) that points at {@code POST
 * /hooks/zendesk/{connection id}} makes sync run the connection's ticket and comment streams as soon as
 * the change can be exported, so automation rules act within seconds instead of at the next schedule.
 *
 * <ul>
 *   <li><b>Trust.</b> A hint carries nothing sync trusts: its body is neither parsed nor stored, only
 *       its signature is checked; it merely brings a run forward, and the incremental export stays the
 *       source of truth. A forged or replayed hint can at most cause one extra run.
 *   <li><b>Authentication.</b> No operator sign-in: Zendesk's webhook signature, {@code
 *       X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(signing secret, {@code
 *       X-Zendesk-Webhook-Signature-Timestamp} + raw body)), the formula Zendesk documents and receivers
 *       verify (the key is the secret's UTF-8 characters, as desk's {@code WebhookSigner}). The operator
 *       copies the webhook's signing secret into sync ({@code PUT /api/connections/{id}/hint-secret});
 *       it is sealed by the vault, bound to the connection and a credential version no credential or
 *       rule takes ({@link io.deskbridge.sync.hint.HintSecrets#BINDING_VERSION}), and never returned.
 *       Signatures are compared in constant time ({@code MessageDigest.isEqual}).
 *   <li><b>Replay.</b> The signed timestamp (ISO-8601, Zendesk's form; epoch seconds accepted too) must
 *       lie within 5 minutes of sync's clock either way. Invocations are not de-duplicated by id:
 *       hints coalesce anyway (the engine's {@code SyncEngine.hint}), so a repeat costs nothing.
 *   <li><b>Answers.</b> 202 with no body when accepted; 404 {@code RecordNotFound} when the connection
 *       does not exist or accepts no hints (no secret stored; one answer for both, so the endpoint
 *       does not tell strangers which connections exist); 401 {@code InvalidSignature} for a missing,
 *       wrong or stale signature; 413 for a body over 256 KiB (Zendesk's ticket event payloads are a
 *       few KiB). All in sync's {@code ApiError} shape. Storing, replacing and removing the secret
 *       is audited (never its value); a master key rotation re-wraps it ({@code HintSecretRewrap}).
 * </ul>
 */
package io.deskbridge.sync.hint;
