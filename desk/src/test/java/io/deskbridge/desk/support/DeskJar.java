package io.deskbridge.desk.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * desk's packaged jar ({@code target/desk-*-exec.jar}) as a separate JVM on a port and data
 * directory of its own, for tests that kill it with SIGKILL and start it again on the same data.
 */
public final class DeskJar implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Map<String, String> properties;
    private final List<Process> processes = new ArrayList<>();

    /** @param properties Spring properties beside the data directory and port (database, admin, webhooks) */
    public DeskJar(Path dataDir, Map<String, String> properties) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.properties = new LinkedHashMap<>(properties);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts desk and waits until it serves its sign-in page (up to five minutes: a JVM starting on a
     * machine busy with other builds has taken close to that).
     */
    public Process start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--desk.data-dir=" + dataDir));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + processes.size() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        DeskClient probe = DeskClient.stateless(baseUrl());
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("desk exited with " + process.exitValue() + ":\n" + tail(log));
                    }
                    try {
                        return probe.get("/login", null).status() == 200;
                    } catch (RuntimeException notUpYet) {
                        return false;
                    }
                });
        return process;
    }

    /** SIGKILL: no shutdown hooks, no graceful stop. Returns the exit status. */
    public int kill() throws InterruptedException {
        Process last = processes.get(processes.size() - 1);
        last.destroyForcibly();
        return last.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("desk-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "No desk-*-exec.jar in " + Path.of("target").toAbsolutePath() + "; run mvn package first"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
