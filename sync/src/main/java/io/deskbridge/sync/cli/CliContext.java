package io.deskbridge.sync.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * What a CLI invocation talks to: where results go ({@code out}), where messages and progress lines go
 * ({@code err}), the environment ({@code SYNC_URL}, {@code SYNC_OPERATOR_EMAIL}, {@code
 * SYNC_OPERATOR_PASSWORD}), how to ask for the password, whether {@code err} is a terminal (progress
 * lines redraw in place there and print one line per change elsewhere) and how often {@code sync run
 * --follow} asks for progress. Tests inject writers, the environment and a short poll interval.
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        PasswordPrompt prompt,
        boolean interactive,
        Duration pollInterval) {

    /** Reads a password without echo; {@code null} when there is no terminal to ask on. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] read(String prompt);

        PasswordPrompt NONE = prompt -> null;
    }

    /** The real console: stdout, stderr, the process environment, {@link Console#readPassword}. */
    public static CliContext system() {
        Console console = System.console();
        PasswordPrompt prompt = console == null ? PasswordPrompt.NONE : text -> console.readPassword("%s", text);
        boolean interactive = console != null && !"dumb".equals(System.getenv("TERM"));
        return new CliContext(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.getenv(),
                prompt,
                interactive,
                Duration.ofSeconds(1));
    }
}
