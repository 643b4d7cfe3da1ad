package io.deskbridge.desk.jobstatus;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, wired by hand (its Spring Boot starter is not on the classpath; sync wires it the same
 * way). One task instance per job, named by the job's id, so a job runs on one instance at a time; an
 * instance that dies mid-job stops sending heartbeats and another takes the job up again ({@code
 * onDeadExecutionRevive}). The scheduler's connections go through a transaction-aware proxy, so a job
 * is scheduled in the transaction that queues it.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    static final String TASK = "desk-bulk-job";

    /** A job paused by a stopping instance (or whose database hiccupped) is tried again after this long. */
    static final Duration RETRY = Duration.ofSeconds(2);

    @Bean
    OneTimeTask<Void> deskBulkJobTask(JobRunner runner) {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(
                        instance.getId(),
                        () -> context.getSchedulerState().isShuttingDown()
                                || context.getSchedulerState().isPaused()));
    }

    @Bean
    Scheduler deskJobScheduler(DataSource dataSource, OneTimeTask<Void> deskBulkJobTask, JobProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), deskBulkJobTask)
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
    JobSchedulerLifecycle deskJobSchedulerLifecycle(Scheduler deskJobScheduler) {
        return new JobSchedulerLifecycle(deskJobScheduler);
    }

    /**
     * Starts db-scheduler with the application and pauses it when the context stops (the test
     * framework pauses cached contexts); shuts it down when the context closes.
     */
    static final class JobSchedulerLifecycle implements SmartLifecycle, DisposableBean {
        private final Scheduler scheduler;
        private volatile boolean running;
        private boolean started;

        JobSchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public synchronized void start() {
            if (started) {
                scheduler.resume();
            } else {
                scheduler.start();
                started = true;
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
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
            if (started) {
                scheduler.stop();
                started = false;
            }
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "desk";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }
}
