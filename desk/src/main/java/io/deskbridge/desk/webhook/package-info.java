/**
 * Zendesk-compatible webhooks: {@code /api/v2/webhooks}, the Admin Center's webhook page, and
 * at-least-once delivery of ticket events from a durable outbox.
 *
 * <p>Decisions, each tested in {@code io.deskbridge.desk.webhook}:
 *
 * <ul>
 *   <li>Subscriptions: the Zendesk ticket event types in {@link TicketEventType}, or
 *       {@code conditional_ticket_events} alone (Zendesk's marker for a webhook that triggers and
 *       automations call): it receives no ticket events, only the calls of triggers' and automations'
 *       {@code notification_webhook} actions ({@link Webhooks#queueRuleCall}), through the same
 *       outbox, signing and retries; it may use any of Zendesk's HTTP methods. Event webhooks must use
 *       POST and JSON, as in Zendesk. Zendesk has no generic {@code ticket.updated} event, and desk
 *       does not invent one: unknown event types are refused with 422 listing the supported ones.
 *   <li>Authentication ({@code basic_auth}, {@code bearer_token}, {@code api_key}) is supported; the
 *       credential is sealed with {@link io.deskbridge.desk.secret.SecretBox} and never returned.
 *   <li>Responses: 2xx acknowledges (never delivered again); 408, 409, 429, 5xx, timeouts and
 *       connection errors are retried with capped exponential backoff (honouring a numeric
 *       {@code Retry-After}) up to {@code desk.webhooks.max-attempts}; any other status (3xx,
 *       other 4xx) fails the invocation at once: the receiver refused this request, and sending it
 *       again unchanged will not help.
 *   <li>A webhook whose last {@code desk.webhooks.deactivate-after-failed-events} invocations all
 *       failed is set inactive (audited as {@code webhook.deactivated}); its pending invocations are
 *       cancelled, as are those of a webhook an admin deactivates. Inactive webhooks queue nothing.
 *   <li>Delivery is at least once: an attempt cut short by a crash is repeated after its lease, so a
 *       receiver may see an event twice and should deduplicate on the event's {@code id}.
 *   <li>Delivery order is not guaranteed, within a webhook or across webhooks (as before issue 17; Zendesk's
 *       documentation promises no order either): each instance attempts up to {@code desk.webhooks.delivery-threads} invocations at
 *       once, claimed in the order they fell due, and a retried invocation waits out its backoff while
 *       later ones go ahead. Receivers order by the event's {@code time} if they must.
 *   <li>Throughput (issue 17), with the guarantees above unchanged: invocations are leased in large
 *       claims (up to {@code desk.webhooks.batch-size} leased and unfinished per instance) and queue
 *       for a delivery thread; an attempt starts only while its lease has more than connect-timeout +
 *       request-timeout left, so no attempt outlives its lease and no second instance can deliver the
 *       same invocation concurrently; a queued invocation that missed that point is left to its lease
 *       and attempted again afterwards, as after a crash. Finished attempts are recorded in groups,
 *       one transaction per group with batched statements; a crash before a group commits loses those
 *       records, not the events: their leases run out and they are delivered again (at least once).
 *   <li>Wire details: ids are strings (desk's are numeric, Zendesk's ULIDs; clients treat both as
 *       opaque); create answers 201, PUT and PATCH 204 (as Zendesk), signing secret reset 201.
 *   <li>Wire model: responses are records ({@code WebhookJson} and its invocation, attempt and header
 *       records, per-resource envelopes in {@code WebhookController} with an unwrapped
 *       {@link io.deskbridge.desk.pagination.Paging}); lists pass a typed {@code WebhookFilter} and
 *       {@link io.deskbridge.desk.pagination.PageQuery} to the repositories. Ticket events are records in
 *       {@code TicketEvents} written by {@link io.deskbridge.desk.api.JsonText}'s plain mapper, so they
 *       name their snake-case fields themselves; {@code TicketEventsTests} pins their bytes (the bytes
 *       the signature covers). Request bodies are still read through {@link io.deskbridge.desk.api.Input}
 *       (see the note in the lead's report): it answers a wrong-typed field with a 422 naming the field,
 *       where plain record binding would give a generic 400.
 * </ul>
 */
package io.deskbridge.desk.webhook;
