package io.deskbridge.sync.operability;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SecretLedger;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code ./run} as a newcomer starts it: with ports of its choosing it starts desk
 * and sync there (not on 8080/8081), both answer, and a SIGTERM (as Ctrl-C) stops both JVMs. It runs
 * the jars this build packaged ({@code RUN_SKIP_BUILD=1}, {@code DESK_JAR}, {@code SYNC_JAR}) on data
 * directories under {@code target/}, and under {@code timeout} (300 s), so that even a test JVM that
 * dies leaves nothing running for long; the test itself kills whatever is left in any case.
 */
// ./run always starts both apps on their embedded H2 databases: the tests run in the H2 pass only.
@Tag("h2-only")
class RunScriptIntegrationTests {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Nested
    class Ports {

        @Test
        void shouldStartDeskAndSyncOnDeskPortAndSyncPortAndStopBothOnSigterm() throws Exception {
            int deskPort = freePort();
            int syncPort = freePort();
            Path data = Files.createTempDirectory(Path.of("target"), "run-script-");
            Map<String, String> env = Map.of(
                    "DESK_PORT", String.valueOf(deskPort),
                    "SYNC_PORT", String.valueOf(syncPort),
                    "DESK_MANAGEMENT_PORT", String.valueOf(freePort()),
                    "SYNC_MANAGEMENT_PORT", String.valueOf(freePort()),
                    "DESK_DATA_DIR", data.resolve("desk").toAbsolutePath().toString(),
                    "SYNC_DATA_DIR", data.resolve("sync").toAbsolutePath().toString(),
                    "DESK_ADMIN_PASSWORD", SecretLedger.issued("Desk-" + UUID.randomUUID()),
                    "SYNC_OPERATOR_PASSWORD", SecretLedger.issued("Sync-" + UUID.randomUUID()));
            Path log = data.resolve("run.log");
            Process run = start(env, log);
            List<ProcessHandle> jvms = List.of();
            try {
                awaitLogin(run, deskPort, log);
                awaitLogin(run, syncPort, log);
                jvms = run.descendants()
                        .filter(p -> p.info().command().orElse("").endsWith("java"))
                        .toList();
                assertThat(jvms).as(Files.readString(log)).hasSize(2);

                run.destroy(); // SIGTERM to timeout, which passes it to ./run

                assertThat(run.waitFor(45, TimeUnit.SECONDS)).as("./run ended").isTrue();
                assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(130);
                assertThat(jvms).noneMatch(ProcessHandle::isAlive);
                assertThat(answers(deskPort)).isFalse();
                assertThat(answers(syncPort)).isFalse();
                assertThat(Files.readString(log))
                        .contains("./run: desk on http://localhost:" + deskPort + " (DESK_PORT), sync on"
                                + " http://localhost:" + syncPort + " (SYNC_PORT)");
                assertThat(data.resolve("desk")).isNotEmptyDirectory();
                assertThat(data.resolve("sync")).isNotEmptyDirectory();
            } finally {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                jvms.forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
        }

        @Test
        void shouldPreferDeskPortOverServerPortForDesk() throws Exception {
            Result result = refusedAtOnce(Map.of("DESK_PORT", "18090", "SERVER_PORT", "18070", "SYNC_PORT", "18090"));

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.output())
                    .isEqualTo("./run: desk and sync cannot both listen on port 18090: set DESK_PORT and SYNC_PORT"
                            + " apart\n");
        }

        @Test
        void shouldTakeServerPortForDeskWhenDeskPortIsUnset() throws Exception {
            Result result = refusedAtOnce(Map.of("SERVER_PORT", "18070", "SYNC_PORT", "18070"));

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.output())
                    .isEqualTo("./run: desk and sync cannot both listen on port 18070: set DESK_PORT and SYNC_PORT"
                            + " apart\n");
        }
    }

    private record Result(int exit, String output) {}

    /** ./run with ports it refuses before building or starting anything. */
    private Result refusedAtOnce(Map<String, String> ports) throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "run-script-", ".log");
        Process run = start(ports, log);
        try {
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("./run ended").isTrue();
            return new Result(run.exitValue(), Files.readString(log));
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private Process start(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        "timeout",
                        "--kill-after=10",
                        "120",
                        REPOSITORY.resolve("run").toString())
                .directory(REPOSITORY.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        List.of("DESK_PORT", "SERVER_PORT", "SYNC_PORT", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME")
                .forEach(environment::remove);
        environment.put("RUN_SKIP_BUILD", "1");
        // Both JVMs start at once on a machine that may be busy with other builds: C1 and the serial
        // collector start them with less CPU (the behaviour under test does not depend on either).
        environment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        // The jars the build packaged (desk's may come from the local repository); else ./run's defaults.
        Map.of("DESK_JAR", "desk.jar", "SYNC_JAR", "sync.jar").forEach((variable, property) -> {
            String jar = System.getProperty(property, "");
            if (!jar.isBlank()) {
                environment.put(variable, jar);
            }
        });
        environment.putAll(env);
        return builder.start();
    }

    /**
     * Waits (while ./run lives) until {@code /login} on the port answers 200: about 15 s on an idle
     * machine, over a minute on a loaded one, so the limit is generous.
     */
    private static void awaitLogin(Process run, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(run.isAlive())
                    .as("./run stopped early:\n" + Files.readString(log))
                    .isTrue();
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException e) {
                // Not listening yet, or still starting (a loaded machine answers slowly).
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("nothing answered 200 on port " + port + " within 180 s:\n" + Files.readString(log));
    }

    private static boolean answers(int port) {
        try {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
