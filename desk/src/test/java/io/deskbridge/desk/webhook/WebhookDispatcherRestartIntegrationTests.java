package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher is a lifecycle bean: Spring's test framework stops the lifecycle beans of a cached
 * context it does not use and starts them again when it does (and an application context can be
 * stopped and started too). After a stop and a start it must deliver as before; its first version
 * kept the delivery pool it had shut down, and every later delivery of that context failed.
 */
class WebhookDispatcherRestartIntegrationTests extends WebhookIntegrationTest {

    @Autowired
    WebhookDispatcher dispatcher;

    @Test
    void shouldDeliverAfterBeingStoppedAndStartedAgain() {
        TestReceiver receiver = receiver(TestReceiver.answering(200));
        subscribe(receiver, "zen:event-type:ticket.created");

        dispatcher.stop();
        assertThat(dispatcher.isRunning()).isFalse();
        dispatcher.start();
        assertThat(dispatcher.isRunning()).isTrue();

        long ticketId =
                createTicket("After a restart of the dispatcher").path("id").asLong();
        awaitReceived(receiver, 1);
        assertThat(json(receiver.received().get(0).body())
                        .path("detail")
                        .path("id")
                        .asString())
                .isEqualTo(String.valueOf(ticketId));
    }

    /**
     * Issue 17: leased invocations queue for a delivery thread (up to desk.webhooks.batch-size); a
     * stopping dispatcher gives their leases back, so they are delivered at once after a restart (or by
     * another instance) instead of after claim-lease. The 32 delivery threads are held by a silent
     * receiver, so 8 of 40 invocations are leased and queued when the dispatcher stops.
     */
    @Test
    void shouldGiveBackTheLeasesOfQueuedInvocationsWhenStopping() {
        TestReceiver receiver = receiver(TestReceiver.silent());
        String webhookId =
                subscribe(receiver, "zen:event-type:ticket.created").path("id").asString();
        for (int i = 0; i < 40; i++) {
            createTicket("Queued behind busy delivery threads " + i);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 32 && leased(webhookId) == 40);

        dispatcher.stop();
        try {
            // Every invocation not sent is pending with no lease; the 32 cut short keep theirs.
            assertThat(leased(webhookId)).isEqualTo(receiver.received().size());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_invocations"
                                    + " WHERE webhook_id = :id AND state = 'pending' AND claimed_by IS NULL")
                            .param("id", Long.parseLong(webhookId))
                            .query(Long.class)
                            .single())
                    .isEqualTo(40L - receiver.received().size());
        } finally {
            dispatcher.start();
        }
    }

    private long leased(String webhookId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_invocations WHERE webhook_id = :id AND claimed_by IS NOT NULL")
                .param("id", Long.parseLong(webhookId))
                .query(Long.class)
                .single();
    }
}
