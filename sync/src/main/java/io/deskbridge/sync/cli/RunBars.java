package io.deskbridge.sync.cli;

import io.deskbridge.sync.engine.RunJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per run, on {@code err}: records so far of the records the run's {@code progress}
 * implies ({@code records / progress}: progress is the share of the stream's time range the cursor has
 * covered, so the total is an estimate that firms up as the run goes), sync's records/s, and sync's
 * {@code eta_seconds} (computed at the plan's rate-limit ceiling) rather than progressbar's own
 * linear guess. Unknown progress shows an open-ended bar. On a terminal the bars redraw in place;
 * elsewhere (a log, a test) each change is one line.
 */
final class RunBars implements AutoCloseable {

    private static final int WIDTH = 110;

    /** A terminal redraws cheaply; a log file gets at most a line per bar every 10 s (plus the final one). */
    private static final int TERMINAL_REFRESH_MILLIS = 500;

    private static final int LOG_REFRESH_MILLIS = 10_000;

    private final PrintWriter err;
    private final boolean interactive;
    private final List<Bar> bars = new ArrayList<>();

    RunBars(PrintWriter err, boolean interactive, List<RunJson> runs) {
        this.err = err;
        this.interactive = interactive;
        int nameWidth = runs.stream()
                .mapToInt(r -> String.valueOf(r.stream()).length())
                .max()
                .orElse(0);
        if (interactive) {
            // Reserve one line per bar; each bar then redraws its own line (cursor up, rewrite, down).
            err.print("\n".repeat(runs.size()));
            err.flush();
        }
        for (int i = 0; i < runs.size(); i++) {
            bars.add(new Bar(runs.get(i), nameWidth, i, runs.size()));
        }
    }

    void update(int index, RunJson run) {
        bars.get(index).update(run);
    }

    @Override
    public void close() {
        bars.forEach(b -> b.bar.close());
        err.flush();
    }

    private final class Bar {

        private final ProgressBar bar;
        private final AtomicReference<Duration> eta = new AtomicReference<>();

        Bar(RunJson run, int nameWidth, int line, int lines) {
            String name = String.format(Locale.ROOT, "%-" + nameWidth + "s", run.stream());
            this.bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(-1)
                    .setUnit(" records", 1)
                    .setStyle(interactive ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setConsumer(interactive ? new InPlace(line, lines) : new Lines())
                    .setMaxRenderedLength(WIDTH)
                    .setUpdateIntervalMillis(interactive ? TERMINAL_REFRESH_MILLIS : LOG_REFRESH_MILLIS)
                    .setEtaFunction(state -> Optional.ofNullable(eta.get()))
                    .build();
            update(run);
        }

        void update(RunJson run) {
            long records = run.records();
            String state = String.valueOf(run.state());
            Double progress = run.progress();
            Long etaSeconds = run.etaSeconds();
            if ("succeeded".equals(state)) {
                bar.maxHint(records);
                eta.set(Duration.ZERO);
            } else if (progress != null && progress > 0) {
                bar.maxHint(Math.max(records, Math.round(records / Math.min(progress, 1.0))));
                eta.set(etaSeconds == null ? null : Duration.ofSeconds(etaSeconds));
            } else {
                bar.maxHint(-1);
                eta.set(etaSeconds == null ? null : Duration.ofSeconds(etaSeconds));
            }
            bar.stepTo(records);
            Double rate = run.recordsPerSecond();
            String speed = rate == null ? "" : String.format(Locale.ROOT, "%,.0f rec/s ", rate);
            bar.setExtraMessage(speed + state);
        }
    }

    /** Not a terminal: one line per render (progressbar renders only when the record count moved, and on close). */
    private final class Lines implements ProgressBarConsumer {

        private String last;

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                if (!rendered.equals(last)) {
                    err.println(rendered.stripTrailing());
                    err.flush();
                    last = rendered;
                }
            }
        }

        @Override
        public void close() {}
    }

    /** A terminal: the bar's own reserved line, {@code lines - line} above the cursor. */
    private final class InPlace implements ProgressBarConsumer {

        private final int up;

        InPlace(int line, int lines) {
            this.up = lines - line;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                err.print("\u001b[" + up + "A\r\u001b[2K" + rendered + "\u001b[" + up + "B\r");
                err.flush();
            }
        }

        @Override
        public void close() {}
    }
}
