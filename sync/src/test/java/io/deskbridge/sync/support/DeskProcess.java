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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * desk as the Zendesk on the other side: its runnable jar ({@code -Ddesk.jar}, set by the build) in a
 * separate JVM on a random port, on the database the test run uses (a fresh PostgreSQL schema, or an
 * H2 file opened with {@code AUTO_SERVER=TRUE} so that tests may load bulk data into it over JDBC
 * while desk runs). The admin's password and the token pepper go to desk through its environment,
 * never its command line, and are registered with the leak scan.
 *
 * <p>{@link #shared()} is one desk per test JVM for tests that only need some desk; tests that change
 * the plan or the API access settings in ways others must not see start their own.
 */
public final class DeskProcess implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@desk.test";
    public static final String ADMIN_PASSWORD = SecretLedger.issued("Desk-" + UUID.randomUUID());
    private static final String PEPPER = SecretLedger.issued(randomPepper());

    private static DeskProcess shared;

    private final Path dataDir;
    private final Map<String, String> database;
    private final Map<String, String> properties;
    private final int port;
    private Process process;
    private int starts;

    private DeskProcess(Map<String, String> properties) throws IOException {
        this.dataDir = Files.createTempDirectory("sync-e2e-desk-");
        this.database = new LinkedHashMap<>(TestDatabase.fresh());
        if (!TestDatabase.isPostgres()) {
            database.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.resolve("desk") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        }
        this.properties = Map.copyOf(properties);
        this.port = freePort();
    }

    /**
     * A new desk, started and answering. {@code properties} are extra Spring properties (for example
     * {@code desk.rate-limit.enforce=false}).
     */
    public static DeskProcess start(Map<String, String> properties) {
        try {
            DeskProcess desk = new DeskProcess(properties);
            desk.launch();
            return desk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One desk for this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized DeskProcess shared() {
        if (shared == null) {
            shared = start(Map.of());
            DeskProcess stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::close, "stop-shared-desk"));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** desk's own database, for tests that load bulk data or read desk's rows. */
    public String jdbcUrl() {
        return database.get("spring.datasource.url");
    }

    public String jdbcUser() {
        return database.get("spring.datasource.username");
    }

    /** The admin, signed in over desk's Admin Center session (cookies + CSRF), for setting desk up. */
    public DeskAdmin admin() {
        return DeskAdmin.signIn(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** SIGKILL, then the same desk (data, port) started again. */
    public void restart() {
        kill();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hooks run. */
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

    /** The console output so far (for assertion messages and the leak scan). */
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

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--desk.admin.email=" + ADMIN_EMAIL));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        starts++;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().put("DESK_DATA_DIR", dataDir.toString());
        builder.environment().put("DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("DESK_TOKEN_PEPPER", PEPPER);
        process = builder.start();
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("desk exited with " + process.exitValue() + " during start " + starts
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
        throw new IllegalStateException("desk did not answer on " + baseUrl() + " within 90 s; its output:\n" + log());
    }

    private Path logFile() {
        return dataDir.resolve("desk.log");
    }

    private static Path jar() {
        String path = System.getProperty("desk.jar");
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException(
                    "desk's runnable jar is not at -Ddesk.jar=" + path
                            + "; run the tests through Maven from the repository root (./mvnw verify), which builds desk first");
        }
        return Path.of(path);
    }

    private static String randomPepper() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
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
