package io.deskbridge.sync.automation;

import io.deskbridge.sync.context.TicketContext;
import java.util.List;

/**
 * The body of a notification: which rule fired for which ticket version, what it did, and the
 * ticket's context as sync holds it (the same document as {@code GET .../tickets/{id}/context}).
 *
 * @param deliveryId the same over every retry of one notification ({@code X-Deskbridge-Delivery}): a
 *     receiver that has seen it already ignores the repeat
 * @param context null when the ticket is not synced (any more)
 */
record NotifyPayload(
        long deliveryId,
        long connectionId,
        RuleRef rule,
        long ticketId,
        long ticketVersion,
        List<Action> actions,
        TicketContext context) {

    record RuleRef(long id, String title) {}
}
