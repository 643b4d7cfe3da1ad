/**
 * Automation rules (issue 11): rules that act on synced changes, exactly once.
 *
 * <ul>
 *   <li><b>Change detection.</b> The sync engine tells {@link io.deskbridge.sync.automation.ChangeRecorder}
 *       about each page's changes inside the page's transaction (engine's {@code SyncedChangeListener}):
 *       for a ticket, the diff between the stored and the incoming version; for a comment, that it is new.
 *       The change is recorded ({@code automation_changes}, what dry runs read) and each active rule whose
 *       event and conditions match gets a ledger row keyed (rule, ticket, ticket version) — committed with
 *       the page's rows and cursor, or not at all, so a change is decided exactly once however often a
 *       crashed run resumes. A rule reacts only to changes made after it was switched on (the change's
 *       {@code updated_at} against {@code active_since}; clocks of sync and the account are assumed close).
 *       Latency is bounded by the sync schedule plus Zendesk's export freshness (60 s), or, with a webhook
 *       hint (package {@code io.deskbridge.sync.hint}), by the export freshness plus 1 s and a run
 *       (bench/sync/hint-latency.sh).
 *   <li><b>Exactly once.</b> {@link io.deskbridge.sync.automation.ActionExecutor} claims due ledger rows
 *       for a lease and carries them out: the ticket write-back is one {@code PUT} with {@code safe_update}
 *       and the ticket's {@code updated_at}, read and saved before the first attempt, as {@code
 *       updated_stamp} — the write-back's marker. After a crash between the write and its ledger record, the
 *       retry finds the earlier write in the ticket (the rule's comment posted since the stamp; without a
 *       comment, every field as the rule sets it) and records it as recognised instead of writing again.
 *       Notifications are at-least-once with a stable {@code X-Deskbridge-Delivery} id: a POST cut off by a
 *       crash before its outcome was recorded is sent again with the same id, for the receiver to ignore.
 *   <li><b>Cycle guard and chains.</b> A synced version whose {@code updated_at} is the one a write-back
 *       produced — or, before that was recorded, whose diff is nothing but what an in-flight write-back
 *       sets — is that ledger row's echo: it never fires the row's own rule, and fires other rules one
 *       chain step deeper, at most {@code sync.automation.max-chain-depth} (3) steps. A synced comment whose
 *       body is a write-back's comment is its echo the same way.
 *   <li><b>Rate.</b> Write-backs and their checks go through the engine's {@code ZendeskWrites}, under the
 *       same rate governor and quota share as the sync's reads.
 *   <li><b>Signing.</b> {@code X-Deskbridge-Signature} = base64(HMAC-SHA256(rule's signing secret,
 *       {@code X-Deskbridge-Signature-Timestamp} + raw body)), Zendesk's webhook scheme; the secret is shown
 *       once when the rule is created and kept sealed by the vault. Endpoints go through sync's outbound
 *       address policy (checked when the rule is saved and before every POST); redirects are not followed.
 *       Retries: 408, 429, 5xx and no answer, backing off exponentially (2 s doubling, at most 10 min, 8
 *       attempts); other 4xx end the notification as failed.
 *   <li><b>Time rules</b> check every synced ticket every {@code sync.automation.time-rules-interval} (5 min)
 *       and fire once per ticket version.
 * </ul>
 */
package io.deskbridge.sync.automation;
