package io.deskbridge.desk.jobstatus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code desk.jobs.*}, validated at start-up.
 *
 * @param threads jobs run at once by this instance
 * @param chunkSize items of a job applied in one transaction (with their results and one progress
 *     update); an item that fails is applied again alone, so it fails alone as before (issue 17)
 * @param pollingInterval how often this instance looks for due jobs (a new job is also started at once)
 * @param heartbeatInterval how often a running job tells the others its instance is alive
 * @param missedHeartbeats missed heartbeats after which another instance takes the job up again
 * @param maxQueued queued or running jobs per account before a new one is refused (Zendesk: 30)
 * @param retention how long finished jobs stay listed
 */
@ConfigurationProperties("desk.jobs")
public record JobProperties(
        int threads,
        @DefaultValue("25") int chunkSize,
        Duration pollingInterval,
        Duration heartbeatInterval,
        int missedHeartbeats,
        int maxQueued,
        Duration retention) {

    public JobProperties {
        atLeast("desk.jobs.threads", threads, 1);
        atLeast("desk.jobs.chunk-size", chunkSize, 1);
        // db-scheduler refuses fewer than four.
        atLeast("desk.jobs.missed-heartbeats", missedHeartbeats, 4);
        atLeast("desk.jobs.max-queued", maxQueued, 1);
        positive("desk.jobs.polling-interval", pollingInterval);
        positive("desk.jobs.heartbeat-interval", heartbeatInterval);
        positive("desk.jobs.retention", retention);
    }

    private static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalStateException(
                    property + " must be a positive duration such as 500ms or 5s (got " + value + ")");
        }
    }

    private static void atLeast(String property, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalStateException(property + " must be at least " + minimum + " (got " + value + ")");
        }
    }
}
