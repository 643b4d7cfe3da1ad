package io.deskbridge.sync.cli;

import io.deskbridge.sync.engine.RunJson;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One progress line per run, on {@code err}, redrawn after every poll: a bar of the records so far
 * out of the records the run's {@code progress} implies ({@code records / progress}: progress is the
 * share of the stream's time range the cursor has covered, so the total is an estimate that firms up
 * as the run goes), sync's records/s and {@code eta_seconds} (computed at the plan's rate-limit
 * ceiling), and what the run is doing: queued (for how long), running, waiting (why, and until when:
 * the export window, the account's window, a 429's {@code Retry-After}), retrying (how often, the last
 * error in short, when the next attempt goes out), succeeded, failed (why) or paused.
 *
 * <p>Decision, terminal versus log: on a terminal the lines are redrawn in place (cursor up, rewrite)
 * and cut to the terminal's width, since a wrapped line would break the redraw; countdowns tick with
 * every poll. Elsewhere (a log, a pipe) a line is printed when something other than the clock changed
 * (state, wait, retries, records), or every 10 s while nothing does, so a log shows a wait once with
 * its reset time instead of a line per second.
 */
final class RunBars implements AutoCloseable {

    private static final int BAR = 20;

    private static final int DEFAULT_COLUMNS = 120;

    private static final Duration LOG_REPEAT = Duration.ofSeconds(10);

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PrintWriter err;
    private final boolean interactive;
    private final int columns;
    private final Clock clock;
    private final int nameWidth;
    private final List<RunJson> runs;
    private final List<String> loggedShape = new ArrayList<>();
    private final List<Instant> loggedAt = new ArrayList<>();

    /**
     * @param clock the time countdowns are measured from and reset times are shown in (its zone)
     * @param env where {@code COLUMNS} may say how wide the terminal is
     */
    RunBars(PrintWriter err, boolean interactive, Map<String, String> env, Clock clock, List<RunJson> runs) {
        this.err = err;
        this.interactive = interactive;
        this.columns = interactive ? terminalColumns(env) : Integer.MAX_VALUE;
        this.clock = clock;
        this.runs = new ArrayList<>(runs);
        this.nameWidth = runs.stream()
                .mapToInt(r -> String.valueOf(r.stream()).length())
                .max()
                .orElse(0);
        for (int i = 0; i < runs.size(); i++) {
            loggedShape.add(null);
            loggedAt.add(null);
        }
        if (interactive) {
            // Reserve one line per run; each render then goes back up and rewrites them all.
            err.print("\n".repeat(runs.size()));
        }
        render();
    }

    void update(int index, RunJson run) {
        runs.set(index, run);
    }

    /** Draws every run's line as it now stands (a terminal) or the lines that changed (a log). */
    void render() {
        Instant now = clock.instant();
        if (interactive) {
            StringBuilder screen = new StringBuilder("\u001b[" + runs.size() + "A");
            for (RunJson run : runs) {
                screen.append('\r')
                        .append("\u001b[2K")
                        .append(cut(line(run, now), columns - 1))
                        .append('\n');
            }
            err.print(screen);
        } else {
            for (int i = 0; i < runs.size(); i++) {
                RunJson run = runs.get(i);
                String shape = line(run, null);
                Instant last = loggedAt.get(i);
                boolean repeat = last != null && !terminal(run) && !now.isBefore(last.plus(LOG_REPEAT));
                if (!shape.equals(loggedShape.get(i)) || repeat) {
                    err.println(line(run, now));
                    loggedShape.set(i, shape);
                    loggedAt.set(i, now);
                }
            }
        }
        err.flush();
    }

    @Override
    public void close() {
        render();
    }

    /**
     * {@code tickets  25% [=====               ] 500/2,000 records  250 rec/s  ETA 0:00:30  running}; with
     * {@code now} null the clock-dependent parts (countdowns, queued for) are left out, which is the
     * line's shape for deciding whether a log gets a new line.
     */
    String line(RunJson run, Instant now) {
        String state = String.valueOf(run.state());
        Double progress = "succeeded".equals(state) ? Double.valueOf(1.0) : run.progress();
        boolean known = progress != null && progress > 0;
        long records = run.records();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s ", run.stream()));
        line.append(known ? String.format(Locale.ROOT, "%3d%%", Math.round(Math.min(progress, 1.0) * 100)) : "  ?%");
        int filled = known ? (int) Math.round(Math.min(progress, 1.0) * BAR) : 0;
        line.append(" [")
                .append("=".repeat(filled))
                .append(" ".repeat(BAR - filled))
                .append("] ");
        line.append(Formats.count(records));
        if (known) {
            line.append('/').append(Formats.count(Math.max(records, Math.round(records / Math.min(progress, 1.0)))));
        }
        line.append(" records");
        if (run.recordsPerSecond() != null && !"queued".equals(state)) {
            line.append(String.format(Locale.ROOT, "  %,.0f rec/s", run.recordsPerSecond()));
        }
        if (run.etaSeconds() != null && run.etaSeconds() > 0 && ("running".equals(state) || "queued".equals(state))) {
            line.append("  ETA ").append(clockDuration(run.etaSeconds()));
        }
        return line.append("  ").append(status(run, state, now)).toString();
    }

    private String status(RunJson run, String state, Instant now) {
        switch (state) {
            case "queued":
                return now == null || run.queuedAt() == null
                        ? "queued"
                        : "queued for "
                                + clockDuration(
                                        Duration.between(run.queuedAt(), now).toSeconds());
            case "running":
                if (run.waitReason() == null) {
                    return "running" + retries(run);
                }
                if ("backoff".equals(run.waitReason())) {
                    return "retrying (" + retryCount(run) + ", last error: " + Formats.cut(run.lastRetryError(), 70)
                            + "), next attempt " + until(run.waitUntil(), now);
                }
                return "waiting for " + waitingFor(run.waitReason()) + ", resumes " + until(run.waitUntil(), now)
                        + retries(run);
            case "failed":
                return "FAILED: " + (run.error() == null ? "(no reason given)" : run.error());
            default:
                return state;
        }
    }

    private static String waitingFor(String reason) {
        return switch (reason) {
            case "export_window" -> "the export rate window";
            case "account_window" -> "the account's rate window";
            case "retry_after" -> "the rate limit's Retry-After (HTTP 429)";
            default -> reason;
        };
    }

    private static String retries(RunJson run) {
        return run.retries() == 0
                ? ""
                : " (" + retryCount(run) + ", last error: " + Formats.cut(run.lastRetryError(), 70) + ")";
    }

    private static String retryCount(RunJson run) {
        return run.retries() == 1 ? "1 retry" : Formats.count(run.retries()) + " retries";
    }

    /** {@code 12:03:41 (in 38s)}: the reset in the clock's zone, and how far off it is. */
    private String until(Instant until, Instant now) {
        if (until == null) {
            return "soon";
        }
        String at = CLOCK_TIME.format(until.atZone(clock.getZone()));
        if (now == null) {
            return at;
        }
        long seconds = Math.max(0, (Duration.between(now, until).toMillis() + 999) / 1000);
        return at + " (in " + Formats.duration(seconds) + ")";
    }

    private static String clockDuration(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static boolean terminal(RunJson run) {
        return !"queued".equals(run.state()) && !"running".equals(run.state());
    }

    private static String cut(String line, int max) {
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** {@code COLUMNS}, else what {@code stty size} says of the controlling terminal, else 120. */
    private static int terminalColumns(Map<String, String> env) {
        String fromEnv = env.get("COLUMNS");
        if (fromEnv != null && fromEnv.strip().matches("\\d+")) {
            return Math.max(40, Integer.parseInt(fromEnv.strip()));
        }
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return DEFAULT_COLUMNS;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return DEFAULT_COLUMNS;
            }
            String[] rowsColumns = answer.split("\\s+");
            int cols = rowsColumns.length == 2 && rowsColumns[1].matches("\\d+") ? Integer.parseInt(rowsColumns[1]) : 0;
            return cols >= 40 ? cols : DEFAULT_COLUMNS;
        } catch (IOException e) {
            return DEFAULT_COLUMNS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_COLUMNS;
        }
    }
}
