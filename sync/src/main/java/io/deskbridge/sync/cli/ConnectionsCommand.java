package io.deskbridge.sync.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.sync.cli.SyncApi.Answer;
import io.deskbridge.sync.connection.ConnectionJson;
import io.deskbridge.sync.connection.ConnectionJson.ConnectionListBody;
import io.deskbridge.sync.connection.ConnectionJson.CreateConnectionRequest;
import io.deskbridge.sync.connection.ConnectionJson.CreatedConnectionBody;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.diagnostics.DiagnosticsJson;
import io.deskbridge.sync.diagnostics.DiagnosticsJson.CheckJson;
import io.deskbridge.sync.diagnostics.DiagnosticsJson.DiagnosticsBody;
import io.deskbridge.sync.handover.RequestLinkJson;
import io.deskbridge.sync.handover.RequestLinkJson.RequestLinkBody;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

        /** What {@code --json} prints: the connection, and the link when one was asked for. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Added(ConnectionJson connection, RequestLinkJson requestLink) {}

        @Override
        public Integer call() {
            SyncApi api = api();
            String body = Json.MAPPER.writeValueAsString(new CreateConnectionRequest(new NewConnection(name, address)));
            CreatedConnectionBody created = api.post("api/connections", body).as(CreatedConnectionBody.class);
            ConnectionJson connection = created.connection();
            RequestLinkJson link = requestLink
                    ? api.post("api/connections/" + connection.id() + "/request-links", null)
                            .as(RequestLinkBody.class)
                            .requestLink()
                    : null;
            if (json()) {
                out().println(Json.MAPPER.writeValueAsString(new Added(connection, link)));
                return ExitCodes.OK;
            }
            out().println("Created connection " + connection.id() + " \"" + connection.name() + "\" for "
                    + connection.address() + " (" + connection.state() + ")");
            if (created.warnings() != null) {
                created.warnings().forEach(w -> err().println("Warning: " + w));
            }
            if (link != null) {
                RequestLinkCommand.print(out(), link);
            } else {
                out().println("Next: sync-cli request-link create " + connection.id()
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
            for (ConnectionJson c : answer.as(ConnectionListBody.class).connections()) {
                String credentials = c.authType() == null
                        ? null
                        : c.authType() + " " + c.authIdentity() + " (v" + c.credentialVersion() + ")";
                table.row(c.id(), c.name(), c.address(), c.state(), credentials, c.credentialsReceivedAt());
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
            DiagnosticsJson report = answer.as(DiagnosticsBody.class).diagnostics();
            if (json()) {
                out().println(answer.body());
            } else {
                print(out(), report);
            }
            return "fail".equals(report.verdict()) ? ExitCodes.FAILED : ExitCodes.OK;
        }

        /**
         * One line per check: {@code PASS|WARN|FAIL|SKIP  title: observed}, then {@code → fix} on the same
         * line when there is one (a line a person can copy into a ticket), and the verdict last.
         */
        static void print(PrintWriter out, DiagnosticsJson report) {
            out.println("Diagnostics of connection " + report.connectionId() + " at " + report.checkedAt());
            for (CheckJson check : report.checks()) {
                StringBuilder line = new StringBuilder()
                        .append(String.format("%-4s  ", label(check.status())))
                        .append(check.title());
                String observed = check.observed();
                if (observed != null && !observed.isBlank()) {
                    line.append(": ").append(observed);
                }
                String fix = check.fix();
                if (fix != null && !fix.isBlank()) {
                    line.append(" → fix: ").append(fix);
                }
                out.println(line);
            }
            out.println("Verdict: " + String.valueOf(report.verdict()).toUpperCase(Locale.ROOT));
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
