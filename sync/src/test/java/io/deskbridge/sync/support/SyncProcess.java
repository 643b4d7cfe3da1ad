package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

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

    private final Path dataDir;
    private final Map<String, String> database;
    private final Map<String, String> properties;
    private final int port;
    private Process process;
    private int starts;

    private SyncProcess(Map<String, String> properties) throws IOException {
        this.dataDir = Files.createTempDirectory("sync-process-");
        this.database = new LinkedHashMap<>(TestDatabase.fresh());
        if (!TestDatabase.isPostgres()) {
            database.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.resolve("sync") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        }
        this.properties = Map.copyOf(properties);
        this.port = DeskProcess.freePort();
    }

    /** A new sync, started and answering; {@code properties} are extra Spring properties. */
    public static SyncProcess start(Map<String, String> properties) {
        try {
            SyncProcess sync = new SyncProcess(properties);
            sync.launch();
            return sync;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String jdbcUrl() {
        return database.get("spring.datasource.url");
    }

    public String jdbcUser() {
        return database.get("spring.datasource.username");
    }

    public static String operatorAuth() {
        return SyncClient.basic(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the same sync again (after {@link #kill()}). */
    public void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--sync.operator.email=" + OPERATOR_EMAIL));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        starts++;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().put("SYNC_DATA_DIR", dataDir.toString());
        builder.environment().put("SYNC_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    public int starts() {
        return starts;
    }

    /** Everything the process printed, over all its starts. */
    public String log() {
        try {
            return Files.readString(logFile());
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sync exited with " + process.exitValue() + " during start " + starts
                        + "; its output:\n" + log());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            DeskProcess.sleep(200);
        }
        throw new IllegalStateException("sync did not answer on " + baseUrl() + " within 120 s; its output:\n" + log());
    }

    private Path logFile() {
        return dataDir.resolve("sync.log");
    }

    private static Path jar() {
        String path = System.getProperty("sync.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("sync's runnable jar is not at -Dsync.jar=" + path
                    + "; run the tests through Maven (./mvnw -pl sync verify), which packages it first");
        }
        return Path.of(path);
    }
}
