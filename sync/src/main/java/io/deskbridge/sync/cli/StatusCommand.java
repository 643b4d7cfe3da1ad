package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.SyncApi.Answer;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

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
        for (JsonNode connection : answer.json().path("status").path("connections")) {
            String name = Json.number(connection, "id") + " " + Json.text(connection, "name")
                    + (connection.path("paused").asBoolean(false) ? " (paused)" : "");
            JsonNode streams = connection.path("streams");
            if (streams.isEmpty()) {
                table.row(name, null, null, null, null, null);
            }
            for (JsonNode stream : streams) {
                table.row(
                        name,
                        Json.text(stream, "name"),
                        Json.text(stream, "state"),
                        Formats.count(Json.count(stream, "records")),
                        Formats.duration(Json.number(stream, "lag_seconds")),
                        Formats.cut(Json.text(stream, "last_error"), ERROR_WIDTH));
            }
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
