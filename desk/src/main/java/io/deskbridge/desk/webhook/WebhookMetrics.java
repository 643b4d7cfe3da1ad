package io.deskbridge.desk.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of webhook delivery (Prometheus names in brackets): the queue's depth
 * ({@code desk_webhooks_pending}, read from the outbox at each scrape, so every instance reports the
 * shared queue), attempts by outcome ({@code desk_webhooks_attempts_total{outcome}}), and the
 * delivery latency from the event's commit to its successful delivery
 * ({@code desk_webhooks_delivery_latency_seconds}).
 */
@Component
class WebhookMetrics {

    private final Map<AttemptOutcome, Counter> attempts = new EnumMap<>(AttemptOutcome.class);
    private final Timer latency;
    private final Clock clock;

    WebhookMetrics(MeterRegistry registry, WebhookInvocationRepository invocations, Clock clock) {
        this.clock = clock;
        Gauge.builder("desk.webhooks.pending", invocations, WebhookInvocationRepository::countPending)
                .description("Webhook invocations waiting for an attempt (all webhooks, all instances)")
                .register(registry);
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            attempts.put(
                    outcome,
                    Counter.builder("desk.webhooks.attempts")
                            .description("Webhook delivery attempts by outcome")
                            .tag("outcome", outcome.wireName())
                            .register(registry));
        }
        this.latency = Timer.builder("desk.webhooks.delivery.latency")
                .description("From the event's commit to its successful delivery")
                .publishPercentileHistogram()
                .register(registry);
    }

    void attempted(ClaimedInvocation invocation, AttemptOutcome outcome) {
        attempts.get(outcome).increment();
        if (outcome == AttemptOutcome.SUCCESS) {
            latency.record(Duration.between(invocation.createdAt(), clock.instant()));
        }
    }
}
