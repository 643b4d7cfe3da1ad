package io.deskbridge.sync.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code scheduler} in sync's health and readiness: db-scheduler runs the sync streams, so an
 * instance whose scheduler is not running (shutting down, paused with the context, or switched off
 * with {@code sync.engine.scheduler=false}) syncs nothing and is not ready.
 */
@Component("scheduler")
class SchedulerHealthIndicator implements HealthIndicator {

    private final Scheduler scheduler;
    private final EngineProperties properties;

    SchedulerHealthIndicator(Scheduler syncScheduler, EngineProperties properties) {
        this.scheduler = syncScheduler;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.scheduler()) {
            return Health.outOfService()
                    .withDetail("reason", "sync.engine.scheduler=false: this instance runs no syncs")
                    .build();
        }
        SchedulerState state = scheduler.getSchedulerState();
        if (state.isStarted() && !state.isPaused() && !state.isShuttingDown()) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail(
                        "reason",
                        state.isShuttingDown() ? "shutting down" : state.isPaused() ? "paused" : "not started")
                .build();
    }
}
