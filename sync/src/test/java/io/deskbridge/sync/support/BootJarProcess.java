package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A Spring Boot runnable jar (desk's or sync's, as the build packaged it) in a separate JVM on a
 * random port, with its own data directory and database: a fresh PostgreSQL schema, or an H2 file
 * opened with {@code AUTO_SERVER=TRUE} so that tests may read and load rows over JDBC while it runs.
 * Secrets go through the environment, never the command line (which {@code ps} shows). It can be
 * killed with SIGKILL and started again on the same port, data and database.
 */
final class BootJarProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> database;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Duration startTimeout;
    private final int port;
    private Process process;
    private int starts;

    /**
     * @param name desk or sync: the log file's and the messages' name, and the H2 file's
     * @param jarProperty the system property the build sets to the jar's path
     * @param jvmOptions before {@code -jar}
     * @param properties Spring properties for the command line (never secrets)
     * @param environment environment variables; {@code dataDir} is added as {@code <NAME>_DATA_DIR}
     */
    BootJarProcess(
            String name,
            String jarProperty,
            List<String> jvmOptions,
            Map<String, String> properties,
            Map<String, String> environment,
            Duration startTimeout) {
        this.name = name;
        this.jar = jar(jarProperty);
        try {
            this.dataDir = Files.createTempDirectory("sync-test-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.database = new LinkedHashMap<>(TestDatabase.fresh());
        if (!TestDatabase.isPostgres()) {
            database.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.resolve(name) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        }
        this.port = freePort();
        this.jvmOptions = List.copyOf(jvmOptions);
        List<String> command = new ArrayList<>();
        command.add("--server.port=" + port);
        // Health and metrics on a port of their own, chosen by the OS: many processes run at once.
        command.add("--management.server.port=0");
        command.add("--spring.datasource.hikari.maximum-pool-size=4");
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        this.arguments = List.copyOf(command);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name.toUpperCase(java.util.Locale.ROOT) + "_DATA_DIR", dataDir.toString());
        this.environment = Map.copyOf(env);
        this.startTimeout = startTimeout;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return database.get("spring.datasource.url");
    }

    String jdbcUser() {
        return database.get("spring.datasource.username");
    }

    int starts() {
        return starts;
    }

    /** Starts the JVM (again, after {@link #kill()}) and waits until {@code /login} answers 200. */
    void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As ./run starts them: out of memory, the JVM exits (and awaitReady or the test sees it gone)
        // instead of answering nothing while it lingers.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        starts++;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /** SIGKILL: no shutdown hooks run, whatever was in flight is cut off. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Everything the process printed, over all its starts. */
    String log() {
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
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start " + starts
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
            sleep(200);
        }
        throw new IllegalStateException(name + " did not answer on " + baseUrl() + " within " + startTimeout.toSeconds()
                + " s; its output:\n" + log());
    }

    private Path logFile() {
        return dataDir.resolve(name + ".log");
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("The runnable jar is not at -D" + property + "=" + path
                    + "; run the tests through Maven from the repository root (./mvnw verify), which builds it first");
        }
        return Path.of(path);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
