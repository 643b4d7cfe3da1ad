package io.deskbridge.sync.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * sync's runnable jar ({@code -Dsync.jar}, set by the build) in a separate JVM, for tests that kill
 * it with SIGKILL and start it again: same port, same data directory (so the same generated master
 * keyset opens the sealed credentials), same database (a PostgreSQL schema, or an H2 file opened
 * with AUTO_SERVER=TRUE so the test can read it over JDBC while sync runs). The operator's password
 * goes through the environment, never the command line.
 */
public final class SyncProcess implements AutoCloseable {

    public static final String OPERATOR_EMAIL = "operator@sync.test";
    public static final String OPERATOR_PASSWORD = SecretLedger.issued("Operator-" + UUID.randomUUID());

    private final BootJarProcess jvm;

    private SyncProcess(Map<String, String> properties) {
        Map<String, String> arguments = new LinkedHashMap<>(properties);
        arguments.put("sync.operator.email", OPERATOR_EMAIL);
        this.jvm = new BootJarProcess(
                "sync",
                "sync.jar",
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                arguments,
                Map.of("SYNC_OPERATOR_PASSWORD", OPERATOR_PASSWORD),
                Duration.ofSeconds(120));
    }

    /** A new sync, started and answering; {@code properties} are extra Spring properties. */
    public static SyncProcess start(Map<String, String> properties) {
        SyncProcess sync = new SyncProcess(properties);
        sync.jvm.launch();
        return sync;
    }

    public String baseUrl() {
        return jvm.baseUrl();
    }

    public String jdbcUrl() {
        return jvm.jdbcUrl();
    }

    public String jdbcUser() {
        return jvm.jdbcUser();
    }

    public static String operatorAuth() {
        return SyncClient.basic(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
    public void kill() {
        jvm.kill();
    }

    /** Starts the same sync again (after {@link #kill()}). */
    public void launch() {
        jvm.launch();
    }

    public int starts() {
        return jvm.starts();
    }

    /** Everything the process printed, over all its starts. */
    public String log() {
        return jvm.log();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
