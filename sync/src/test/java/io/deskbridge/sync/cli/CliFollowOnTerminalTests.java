package io.deskbridge.sync.cli;

import static io.deskbridge.sync.cli.FollowedRuns.body;
import static io.deskbridge.sync.cli.FollowedRuns.list;
import static io.deskbridge.sync.cli.FollowedRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sync run --follow} as a person at a terminal sees it: the CLI runs in its own JVM under a
 * pseudo-terminal (util-linux {@code script}), so it takes the terminal path (lines redrawn in place),
 * against a fake sync whose runs wait for the export window, retry, fail and succeed. The screen is
 * read back with the escape sequences stripped.
 */
class CliFollowOnTerminalTests {

    private static final File SCRIPT = new File("/usr/bin/script");
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private FakeSync sync;

    @BeforeEach
    void start() throws Exception {
        sync = new FakeSync();
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    @Test
    void shouldShowTheWaitWithItsReasonAndResetTheRetriesAndTheFailureAndExitWith1() throws Exception {
        assertThat(SCRIPT.canExecute())
                .as("util-linux `script` (Debian: bsdutils, always installed) gives the CLI its pseudo-terminal")
                .isTrue();
        Instant windowResets = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        Instant nextAttempt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        sync.on(
                "POST",
                "/api/connections/7/syncs",
                202,
                list(
                        run(11, "tickets", "queued", 0, null, null, null, 0, null, null),
                        run(12, "users", "queued", 0, null, null, null, 0, null, null)));
        sync.on(
                "GET",
                "/api/runs/11",
                200,
                body(run(11, "tickets", "running", 1000, 0.5, "export_window", windowResets, 0, null, null)),
                body(run(11, "tickets", "running", 1500, 0.75, null, null, 0, null, null)),
                body(run(11, "tickets", "succeeded", 2000, 1.0, null, null, 0, null, null)));
        sync.on(
                "GET",
                "/api/runs/12",
                200,
                body(run(
                        12,
                        "users",
                        "running",
                        0,
                        null,
                        "backoff",
                        nextAttempt,
                        2,
                        "desk.test unreachable: Connection refused",
                        null)),
                body(run(
                        12,
                        "users",
                        "failed",
                        0,
                        null,
                        null,
                        null,
                        5,
                        "desk.test unreachable: Connection refused",
                        "users: gave up after 6 failed attempts at the same page (page size down to 1000);"
                                + " the last one: desk.test unreachable: Connection refused")));

        Terminal terminal = runUnderTerminal("sync", "run", "7", "--follow");

        assertThat(terminal.exit()).as(terminal.screen()).isEqualTo(1);
        String reset = DateTimeFormatter.ofPattern("HH:mm:ss").format(windowResets.atZone(ZoneOffset.UTC));
        Matcher waiting = Pattern.compile("tickets  50% \\[==========          ] 1,000/2,000 records  50 rec/s  "
                        + "waiting for the export rate window, resumes " + reset + " \\(in (\\d+)s\\)")
                .matcher(terminal.screen());
        assertThat(waiting.find()).as(terminal.screen()).isTrue();
        assertThat(Integer.parseInt(waiting.group(1))).isBetween(1, 40);
        String attempt = DateTimeFormatter.ofPattern("HH:mm:ss").format(nextAttempt.atZone(ZoneOffset.UTC));
        assertThat(terminal.lines())
                .anySatisfy(line -> assertThat(line)
                        .matches("users     \\?% \\[ {20}] 0 records  50 rec/s  retrying \\(2 retries, last error:"
                                + " desk\\.test unreachable: Connection refused\\), next attempt " + attempt
                                + " \\(in \\ds\\)"))
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo(
                                "users     ?% [                    ] 0 records  50 rec/s  FAILED: users: gave up after 6"
                                        + " failed attempts at the same page (page size down to 1000); the last one:"
                                        + " desk.test unreachable: Connection refused"))
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("tickets 100% [====================] 2,000/2,000 records  50 rec/s  succeeded"))
                .contains("users failed: 0 records, 0 pages, 6 requests, 0 rate-limited, waited 0s (run 12)")
                .contains("  error: users: gave up after 6 failed attempts at the same page (page size down to 1000);"
                        + " the last one: desk.test unreachable: Connection refused");
        // The terminal path redraws in place: the cursor goes up over the two lines before each redraw.
        assertThat(terminal.raw()).contains("\u001b[2A");
    }

    /** What the terminal showed, and the CLI's exit status. */
    private record Terminal(int exit, String raw) {

        String screen() {
            return ESCAPES.matcher(raw).replaceAll("");
        }

        List<String> lines() {
            return screen().lines()
                    .flatMap(line -> Pattern.compile("\r").splitAsStream(line))
                    .map(String::stripTrailing)
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }

    /** The CLI in a new JVM (this test's class path) under {@code script}, which gives it a terminal. */
    private Terminal runUnderTerminal(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder(quote(java))
                .append(" -cp ")
                .append(quote(System.getProperty("java.class.path")))
                .append(' ')
                .append(SyncCli.class.getName());
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.getPath(), "-q", "-e", "-c", command.toString(), "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("SYNC_URL", sync.url());
        env.put("SYNC_OPERATOR_EMAIL", "ops@example.test");
        env.put("SYNC_OPERATOR_PASSWORD", "fake-sync-password-4711");
        env.put("TERM", "xterm");
        env.put("TZ", "UTC");
        env.put("COLUMNS", "400");
        Process process = builder.start();
        try {
            CompletableFuture<String> screen = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            String raw = screen.get(10, TimeUnit.SECONDS);
            assertThat(ended)
                    .as("the CLI ended within 60 s; the screen so far:\n" + raw)
                    .isTrue();
            return new Terminal(process.exitValue(), raw);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
