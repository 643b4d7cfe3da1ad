package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.SyncApi.Answer;
import io.deskbridge.sync.engine.RunJson;
import io.deskbridge.sync.engine.RunJson.RunBody;
import io.deskbridge.sync.engine.RunJson.RunListBody;
import io.deskbridge.sync.engine.RunJson.SyncOptions;
import io.deskbridge.sync.engine.RunJson.SyncRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "sync",
        description = "Start sync runs and follow them.",
        mixinStandardHelpOptions = true,
        subcommands = SyncCommand.Run.class)
final class SyncCommand implements Runnable {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "paused");

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a sync command: run");
    }

    @Command(
            name = "run",
            description = {
                "Queue a run per stream (a stream already queued or running is not queued twice: its run is followed).",
                "With --follow: a progress line per run until all finish (records, rec/s, ETA, and waits with their"
                        + " reason and end, retries with the last error); exit 1 if one failed, 3 if one was paused."
            })
    static final class Run extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection to sync")
        long connectionId;

        @Option(
                names = "--stream",
                split = ",",
                paramLabel = "<stream>",
                description = "tickets, users, organizations, ticket_comments; repeat or separate with commas"
                        + " (default: all)")
        List<String> streams;

        @Option(names = "--follow", description = "show progress until the runs finish")
        boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            SyncApi api = api();
            String body =
                    streams == null ? null : Json.MAPPER.writeValueAsString(new SyncRequest(new SyncOptions(streams)));
            Answer answer = api.post("api/connections/" + connectionId + "/syncs", body);
            List<RunJson> runs = answer.as(RunListBody.class).runs();
            if (!follow) {
                if (json()) {
                    out().println(answer.body());
                } else {
                    runs.forEach(run -> out().println("Run " + run.id() + ": " + run.stream() + " " + run.state()));
                    out().println("Follow them with: sync-cli sync run " + connectionId + " --follow");
                }
                return ExitCodes.OK;
            }
            List<RunJson> finished = follow(api, runs);
            if (json()) {
                out().println(Json.MAPPER.writeValueAsString(new RunListBody(finished)));
            } else {
                finished.forEach(run -> out().println(summary(run)));
            }
            return exitCode(finished);
        }

        /** Polls each unfinished run every poll interval until all are succeeded, failed or paused. */
        private List<RunJson> follow(SyncApi api, List<RunJson> runs) throws InterruptedException {
            Map<Long, RunJson> latest = new LinkedHashMap<>();
            runs.forEach(run -> latest.put(run.id(), run));
            List<Long> ids = new ArrayList<>(latest.keySet());
            RunBars bars = json()
                    ? null
                    : new RunBars(err(), context().interactive(), context().env(), Clock.systemDefaultZone(), runs);
            try {
                while (true) {
                    for (int i = 0; i < ids.size(); i++) {
                        Long id = ids.get(i);
                        if (!TERMINAL.contains(latest.get(id).state())) {
                            RunJson run =
                                    api.get("api/runs/" + id).as(RunBody.class).run();
                            latest.put(id, run);
                            if (bars != null) {
                                bars.update(i, run);
                            }
                        }
                    }
                    if (latest.values().stream().allMatch(run -> TERMINAL.contains(run.state()))) {
                        return new ArrayList<>(latest.values());
                    }
                    if (bars != null) {
                        bars.render();
                    }
                    Thread.sleep(context().pollInterval().toMillis());
                }
            } finally {
                if (bars != null) {
                    bars.close();
                }
            }
        }

        /** {@code tickets  succeeded  1,200 records  12 pages  13 requests  0 rate-limited  (run 7)} and the error. */
        static String summary(RunJson run) {
            String line = String.format(
                    Locale.ROOT,
                    "%s %s: %s records, %s pages, %s requests, %s rate-limited, waited %s (run %d)",
                    run.stream(),
                    run.state(),
                    Formats.count(run.records()),
                    Formats.count(run.pages()),
                    Formats.count(run.requests()),
                    Formats.count(run.rateLimited()),
                    Formats.duration((long) run.waitedSeconds()),
                    run.id());
            return run.error() == null ? line : line + "\n  error: " + run.error();
        }

        static int exitCode(List<RunJson> runs) {
            if (runs.stream().anyMatch(run -> "failed".equals(run.state()))) {
                return ExitCodes.FAILED;
            }
            if (runs.stream().anyMatch(run -> "paused".equals(run.state()))) {
                return ExitCodes.PAUSED;
            }
            return ExitCodes.OK;
        }
    }
}
