package io.deskbridge.desk.webhook;

import io.deskbridge.desk.api.JsonText;
import io.deskbridge.desk.ticket.TicketChanged;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox: runs synchronously inside the transaction that changed the ticket, so the
 * change and one invocation row per (event, subscribed active webhook) commit together, or neither
 * does. Nothing here talks to the network; the dispatcher delivers after commit.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository webhooks;
    private final WebhookInvocationRepository invocations;
    private final Users users;
    private final WebhookProperties properties;
    private final DispatchSignal signal;
    private final Clock clock;

    WebhookOutbox(
            WebhookRepository webhooks,
            WebhookInvocationRepository invocations,
            Users users,
            WebhookProperties properties,
            DispatchSignal signal,
            Clock clock) {
        this.webhooks = webhooks;
        this.invocations = invocations;
        this.users = users;
        this.properties = properties;
        this.signal = signal;
        this.clock = clock;
    }

    @EventListener
    void on(TicketChanged change) {
        if (change.imported()) {
            // Zendesk sends no notifications for imported tickets.
            return;
        }
        List<WebhookRepository.Subscriber> subscribers = webhooks.activeSubscribers();
        if (subscribers.isEmpty()) {
            return;
        }
        List<TicketEvents.Event> events = TicketEvents.of(
                change, properties.accountId(), id -> users.findById(id).orElse(null));
        List<WebhookInvocationRepository.NewInvocation> queued = new ArrayList<>();
        for (TicketEvents.Event event : events) {
            String payload = null;
            for (WebhookRepository.Subscriber subscriber : subscribers) {
                if (subscriber.subscriptions().contains(event.type().wireName())) {
                    if (payload == null) {
                        payload = JsonText.write(event.envelope());
                    }
                    queued.add(new WebhookInvocationRepository.NewInvocation(
                            subscriber.id(), event.id(), event.type().wireName(), payload));
                }
            }
        }
        if (!queued.isEmpty()) {
            // One JDBC batch for the change's invocations (one round trip on PostgreSQL, issue 17).
            invocations.insertAll(queued, clock.instant());
            signal.afterCommit();
        }
    }
}
