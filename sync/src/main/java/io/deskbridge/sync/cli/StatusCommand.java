package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.SyncApi.Answer;
import io.deskbridge.sync.engine.StreamJson;
import io.deskbridge.sync.engine.StreamJson.ConnectionStatusJson;
import io.deskbridge.sync.engine.StreamJson.StatusBody;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Every connection's streams: state, records, lag and the last error.")
final class StatusCommand extends CliCommand {

    /** Errors are cut to keep one row per stream; --json has them whole. */
    private static final int ERROR_WIDTH = 80;

    @Override
    public Integer call() {
        Answer answer = api().get("api/status");
        if (json()) {
            out().println(answer.body());
            return ExitCodes.OK;
        }
        Table table = new Table("CONNECTION", "STREAM", "STATE", "RECORDS", "LAG", "LAST ERROR");
        for (ConnectionStatusJson connection :
                answer.as(StatusBody.class).status().connections()) {
            String name = connection.id() + " " + connection.name() + (connection.paused() ? " (paused)" : "");
            if (connection.streams().isEmpty()) {
                table.row(name, null, null, null, null, null);
            }
            for (StreamJson stream : connection.streams()) {
                table.row(
                        name,
                        stream.name(),
                        stream.state(),
                        Formats.count(stream.records()),
                        Formats.duration(stream.lagSeconds()),
                        Formats.cut(stream.lastError(), ERROR_WIDTH));
            }
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
