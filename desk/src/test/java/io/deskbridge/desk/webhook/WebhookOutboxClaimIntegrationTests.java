package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several desk instances poll one outbox: the conditional UPDATE hands every due invocation to
 * exactly one of them, and a lease that runs out makes the invocation claimable again.
 */
class WebhookOutboxClaimIntegrationTests extends WebhookIntegrationTest {

    private static final int INVOCATIONS = 120;
    private static final int INSTANCES = 4;

    @Autowired
    WebhookInvocationRepository invocations;

    /** Rows due an hour from now: the running dispatcher (on the real clock) leaves them alone. */
    private Instant dueInAnHour(long webhookId) {
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < INVOCATIONS; i++) {
            invocations.insert(webhookId, UUID.randomUUID().toString(), "zen:event-type:ticket.created", "{}", later);
        }
        return later;
    }

    private long webhook() {
        return Long.parseLong(createWebhook(Map.of("name", "Claims", "endpoint", "http://127.0.0.1:9/hook"))
                .path("id")
                .asString());
    }

    @Test
    void shouldHandEachDueInvocationToExactlyOneInstance() throws Exception {
        Instant later = dueInAnHour(webhook());
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> claims = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            String instance = "instance-" + i;
            Callable<List<Long>> claimer = () -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    invocations.claimDue(later, later.plusSeconds(60), instance + ":" + round, 10).stream()
                            .map(ClaimedInvocation::id)
                            .forEach(mine::add);
                }
                return mine;
            };
            claims.add(pool.submit(claimer));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> claim : claims) {
            all.addAll(claim.get());
        }
        pool.shutdown();

        Set<Long> distinct = new HashSet<>(all);
        assertThat(all).hasSize(distinct.size());
        assertThat(distinct).hasSize(INVOCATIONS);
    }

    @Test
    void shouldMakeAnInvocationClaimableAgainWhenItsLeaseRunsOut() {
        Instant later = dueInAnHour(webhook());

        List<ClaimedInvocation> first = invocations.claimDue(later, later.plusSeconds(5), "dead-instance", 1);
        List<ClaimedInvocation> whileLeased =
                invocations.claimDue(later.plusSeconds(4), later.plusSeconds(9), "other", INVOCATIONS);
        List<ClaimedInvocation> afterLease =
                invocations.claimDue(later.plusSeconds(6), later.plusSeconds(11), "other", INVOCATIONS);

        assertThat(first).hasSize(1);
        assertThat(whileLeased)
                .extracting(ClaimedInvocation::id)
                .doesNotContain(first.get(0).id());
        assertThat(afterLease)
                .extracting(ClaimedInvocation::id)
                .containsExactly(first.get(0).id());
        assertThat(afterLease.get(0).eventId()).isEqualTo(first.get(0).eventId());
    }
}
