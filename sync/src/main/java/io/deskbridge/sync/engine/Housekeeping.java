package io.deskbridge.sync.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs as db-scheduler's recurring task (once across all instances): queues the runs of schedules
 * that are due, and re-queues runs that are queued but have no task (queued in the instant between
 * a finishing run's last check and its task's removal).
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final EngineRepository repository;
    private final ObjectProvider<SyncEngine> engine;
    private final Clock clock;

    Housekeeping(EngineRepository repository, ObjectProvider<SyncEngine> engine, Clock clock) {
        this.repository = repository;
        this.engine = engine;
        this.clock = clock;
    }

    void run() {
        Instant now = clock.instant();
        for (SettingsRow due : repository.dueSchedules(now)) {
            try {
                engine.getObject().queueScheduled(due.connectionId(), EnumSet.allOf(StreamName.class));
            } catch (RuntimeException e) {
                log.warn(
                        "The scheduled sync of connection {} could not be queued: {}",
                        due.connectionId(),
                        e.getMessage());
            }
        }
        engine.getObject().requeueMissedHints();
        for (RunRow orphan :
                repository.orphanedQueuedRuns(EngineConfiguration.STREAM_TASK, now.minus(Duration.ofSeconds(1)))) {
            engine.getObject().requeue(orphan.connectionId(), orphan.stream());
        }
    }
}
