package io.deskbridge.sync.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.deskbridge.sync.zendesk.ZendeskHttp;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, wired by hand (its Spring Boot starter is not on the classpath). One task instance
 * per (connection, stream) — {@code "<connection id>:<STREAM>"} — so a stream is never run twice at
 * once, whichever of several sync instances on one database picks it; a recurring housekeeping task
 * (one execution across all instances) starts scheduled runs and re-queues orphaned ones. The
 * scheduler's connections go through a transaction-aware proxy, so scheduling a task commits or rolls
 * back with the run rows written in the same transaction.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    static final String STREAM_TASK = "sync-stream";
    static final String HOUSEKEEPING_TASK = "sync-housekeeping";
    static final String HINT_TASK = "sync-hint";

    /** A stream that stopped with the engine (shutdown) is picked up again after this long. */
    static final Duration RETRY_STOPPED = Duration.ofSeconds(2);

    @Bean
    StopSignal engineStopSignal() {
        return new StopSignal();
    }

    @Bean
    RateGovernor rateGovernor(EngineProperties properties, StopSignal stop) {
        // The governor paces by wall-clock time, never by the application's (testable) clock.
        return new RateGovernor(properties.quotaShare(), properties.pacing(), Clock.systemUTC(), stop);
    }

    @Bean
    ExportFetcher exportFetcher(ZendeskHttp http, RateGovernor governor, StopSignal stop, EngineProperties properties) {
        return new ExportFetcher(
                http::getRaw,
                governor,
                stop,
                Clock.systemUTC(),
                properties.maxAttempts(),
                properties.retryBackoff(),
                properties.retryBackoffMax());
    }

    @Bean
    OneTimeTask<Void> syncStreamTask(StreamRunner runner) {
        return Tasks.oneTime(STREAM_TASK)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_STOPPED))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    TaskKey key = TaskKey.parse(instance.getId());
                    runner.execute(key.connectionId(), key.stream());
                });
    }

    /**
     * One instance per connection ({@code "<connection id>"}), due when the newest hint's change can be
     * exported: it queues the hinted runs and comes again when a hint arrived after it was planned.
     */
    @Bean
    CustomTask<Void> syncHintTask(ObjectProvider<SyncEngine> engine) {
        return Tasks.custom(HINT_TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_STOPPED))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> again = engine.getObject().hintDue(Long.parseLong(instance.getId()));
                    return (complete, operations) -> {
                        if (again.isPresent()) {
                            operations.reschedule(complete, again.get());
                        } else {
                            operations.remove();
                        }
                    };
                });
    }

    @Bean
    RecurringTask<Void> syncHousekeepingTask(Housekeeping housekeeping, EngineProperties properties) {
        return Tasks.recurring(HOUSEKEEPING_TASK, FixedDelay.of(properties.housekeepingInterval()))
                .execute((instance, context) -> housekeeping.run());
    }

    @Bean
    Scheduler syncScheduler(
            DataSource dataSource,
            OneTimeTask<Void> syncStreamTask,
            CustomTask<Void> syncHintTask,
            RecurringTask<Void> syncHousekeepingTask,
            EngineProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), syncStreamTask, syncHintTask)
                .startTasks(syncHousekeepingTask)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    SchedulerLifecycle syncSchedulerLifecycle(Scheduler syncScheduler, StopSignal stop, EngineProperties properties) {
        return new SchedulerLifecycle(syncScheduler, stop, properties.scheduler());
    }

    /**
     * Starts db-scheduler with the application and pauses it when the context stops (a context may
     * be stopped and started again, as the test framework does with cached contexts); it is shut down
     * for good when the context closes. On stop, running streams end after their current page (their
     * waits end at once) and are picked up again later, here or on another instance.
     */
    static final class SchedulerLifecycle implements SmartLifecycle, DisposableBean {
        private final Scheduler scheduler;
        private final StopSignal stop;
        private final boolean enabled;
        private volatile boolean running;
        private boolean started;

        SchedulerLifecycle(Scheduler scheduler, StopSignal stop, boolean enabled) {
            this.scheduler = scheduler;
            this.stop = stop;
            this.enabled = enabled;
        }

        @Override
        public synchronized void start() {
            stop.reset();
            if (enabled) {
                if (started) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                    started = true;
                }
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            stop.stop();
            if (started) {
                scheduler.pause();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public synchronized void destroy() {
            stop.stop();
            if (started) {
                scheduler.stop();
                started = false;
            }
        }
    }

    static TaskInstance<Void> instance(long connectionId, StreamName stream) {
        return new TaskInstance<>(STREAM_TASK, new TaskKey(connectionId, stream).id());
    }

    static TaskInstance<Void> hintInstance(long connectionId) {
        return new TaskInstance<>(HINT_TASK, Long.toString(connectionId));
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "sync";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }

    /** A stream task's instance id: {@code "<connection id>:<STREAM>"}. */
    record TaskKey(long connectionId, StreamName stream) {
        String id() {
            return connectionId + ":" + stream.name();
        }

        static TaskKey parse(String id) {
            int colon = id.indexOf(':');
            return new TaskKey(Long.parseLong(id.substring(0, colon)), StreamName.valueOf(id.substring(colon + 1)));
        }
    }
}
