package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "Done when" 5: the build's regression guard for webhook delivery. 1,000 tickets created
 * over the API by 8 concurrent callers, two webhooks subscribed to their creation: 2,000 events,
 * each must arrive exactly once, signed with its webhook's secret. The rate is printed to the build
 * log ({@code WEBHOOK-THROUGHPUT}), never asserted: timings belong to {@code bench/webhook/delivery.sh}
 * and BENCHMARKS.md, and a slow CI machine must not fail the build. A loss or a duplicate does.
 */
// Runs once, in the H2 pass: the guard needs one figure per build; the delivery tests of this
// package cover both databases and the benchmark measures PostgreSQL (issue 16, suite time).
@Tag("h2-only")
class WebhookThroughputIntegrationTests extends WebhookIntegrationTest {

    static final int TICKETS = 1_000;
    static final int CALLERS = 8;
    static final String CREATED = "zen:event-type:ticket.created";

    @Test
    void shouldDeliverTwoThousandEventsEachExactlyOnceAndSigned() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.answering(200));
        Map<String, String> secretByWebhook = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            String webhookId = subscribe(receiver, CREATED).path("id").asString();
            secretByWebhook.put(webhookId, signingSecret(webhookId));
        }
        int events = TICKETS * secretByWebhook.size();

        long started = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < TICKETS; i++) {
                String body = DeskClient.json(Map.of(
                        "ticket", Map.of("subject", "Throughput " + i, "comment", Map.of("body", "Event " + i))));
                answers.add(callers.submit(
                        () -> api.send("POST", "/api/v2/tickets", auth, body).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            callers.shutdownNow();
        }
        long created = System.nanoTime();
        await().atMost(Duration.ofMinutes(3)).until(() -> receiver.received().size() >= events);
        long delivered = System.nanoTime();

        List<TestReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(events);
        assertThat(received.stream()
                        .map(r -> r.header("x-zendesk-webhook-invocation-id"))
                        .distinct())
                .as("every invocation delivered once")
                .hasSize(events);
        for (TestReceiver.Received request : received) {
            String secret = secretByWebhook.get(request.header("x-zendesk-webhook-id"));
            assertThat(secret).as("a delivery of one of the two webhooks").isNotNull();
            assertThat(request.header("x-zendesk-webhook-signature"))
                    .isEqualTo(expectedSignature(
                            secret, request.header("x-zendesk-webhook-signature-timestamp"), request.body()));
        }
        Map<String, Long> perTicket = received.stream()
                .collect(Collectors.groupingBy(
                        r -> json(r.body()).path("detail").path("id").asString(), Collectors.counting()));
        assertThat(perTicket)
                .hasSize(TICKETS)
                .allSatisfy((ticket, count) ->
                        assertThat(count).as("deliveries of ticket " + ticket).isEqualTo(2L));

        double total = (delivered - started) / 1e9;
        System.out.printf(
                "WEBHOOK-THROUGHPUT (h2, in-process test desk): %d events (%d tickets x %d webhooks) delivered in %.2f s"
                        + " = %.0f events/s end to end; tickets created at %.0f/s by %d callers; last delivery"
                        + " %.2f s after the last create%n",
                events,
                TICKETS,
                secretByWebhook.size(),
                total,
                events / total,
                TICKETS / ((created - started) / 1e9),
                CALLERS,
                (delivered - created) / 1e9);
    }
}
