package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.SyncApi.Answer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
        name = "connections",
        description = "Add, list and test connections to Zendesk accounts.",
        mixinStandardHelpOptions = true,
        subcommands = {ConnectionsCommand.Add.class, ConnectionsCommand.ListAll.class, ConnectionsCommand.Test.class})
final class ConnectionsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a connections command: add, list or test");
    }

    @Command(name = "add", description = "Create a connection (without credentials: send a request link for those).")
    static final class Add extends CliCommand {

        @Option(names = "--name", required = true, paramLabel = "<name>", description = "what operators call it")
        String name;

        @Option(
                names = "--address",
                required = true,
                paramLabel = "<address>",
                description =
                        "the Zendesk account: acme, acme.zendesk.com, https://help.acme.com, http://127.0.0.1:8080")
        String address;

        @Option(names = "--request-link", description = "also create a credential request link and print its URL")
        boolean requestLink;

        @Override
        public Integer call() {
            SyncApi api = api();
            String body =
                    Json.MAPPER.writeValueAsString(Map.of("connection", Map.of("name", name, "address", address)));
            Answer created = api.post("api/connections", body);
            JsonNode connection = created.json().get("connection");
            Answer link = requestLink
                    ? api.post("api/connections/" + Json.number(connection, "id") + "/request-links", null)
                    : null;
            if (json()) {
                Map<String, JsonNode> both = new LinkedHashMap<>();
                both.put("connection", connection);
                if (link != null) {
                    both.put("request_link", link.json().get("request_link"));
                }
                out().println(Json.MAPPER.writeValueAsString(both));
                return ExitCodes.OK;
            }
            out().println("Created connection " + Json.number(connection, "id") + " \"" + Json.text(connection, "name")
                    + "\" for " + Json.text(connection, "address") + " (" + Json.text(connection, "state") + ")");
            if (link != null) {
                RequestLinkCommand.print(out(), link.json().get("request_link"));
            } else {
                out().println("Next: sync-cli request-link create " + Json.number(connection, "id")
                        + " and send the link to the Zendesk admin.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the connections.")
    static final class ListAll extends CliCommand {

        @Override
        public Integer call() {
            Answer answer = api().get("api/connections");
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            Table table = new Table("ID", "NAME", "ADDRESS", "STATE", "CREDENTIALS", "RECEIVED");
            for (JsonNode c : answer.json().path("connections")) {
                String credentials = Json.text(c, "auth_type") == null
                        ? null
                        : Json.text(c, "auth_type") + " " + Json.text(c, "auth_identity") + " (v"
                                + Json.number(c, "credential_version") + ")";
                table.row(
                        Json.number(c, "id"),
                        Json.text(c, "name"),
                        Json.text(c, "address"),
                        Json.text(c, "state"),
                        credentials,
                        Json.text(c, "credentials_received_at"));
            }
            table.print(out());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "test",
            description = "Run the diagnostics checklist against the Zendesk account; exit 1 when the verdict is fail.")
    static final class Test extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection to test")
        long id;

        @Override
        public Integer call() {
            Answer answer = api().post("api/connections/" + id + "/diagnostics", null);
            JsonNode report = answer.json().path("diagnostics");
            String verdict = Json.text(report, "verdict");
            if (json()) {
                out().println(answer.body());
            } else {
                print(out(), report);
            }
            return "fail".equals(verdict) ? ExitCodes.FAILED : ExitCodes.OK;
        }

        /**
         * One line per check: {@code PASS|WARN|FAIL|SKIP  title: observed}, then {@code → fix} on the same
         * line when there is one (a line a person can copy into a ticket), and the verdict last.
         */
        static void print(PrintWriter out, JsonNode report) {
            out.println("Diagnostics of connection " + Json.number(report, "connection_id") + " at "
                    + Json.text(report, "checked_at"));
            for (JsonNode check : report.path("checks")) {
                StringBuilder line = new StringBuilder()
                        .append(String.format("%-4s  ", label(Json.text(check, "status"))))
                        .append(Json.text(check, "title"));
                String observed = Json.text(check, "observed");
                if (observed != null && !observed.isBlank()) {
                    line.append(": ").append(observed);
                }
                String fix = Json.text(check, "fix");
                if (fix != null && !fix.isBlank()) {
                    line.append(" → fix: ").append(fix);
                }
                out.println(line);
            }
            out.println(
                    "Verdict: " + String.valueOf(Json.text(report, "verdict")).toUpperCase(Locale.ROOT));
        }

        private static String label(String status) {
            if (status == null) {
                return "?";
            }
            switch (status) {
                case "pass":
                    return "PASS";
                case "warn":
                    return "WARN";
                case "fail":
                    return "FAIL";
                case "skipped":
                    return "SKIP";
                default:
                    return status.toUpperCase(Locale.ROOT);
            }
        }
    }
}
