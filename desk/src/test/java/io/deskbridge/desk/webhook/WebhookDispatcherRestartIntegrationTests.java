package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
}
