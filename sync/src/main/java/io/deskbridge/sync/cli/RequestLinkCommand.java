package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.SyncApi.Answer;
import io.deskbridge.sync.handover.RequestLinkJson;
import io.deskbridge.sync.handover.RequestLinkJson.RequestLinkBody;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "request-link",
        description = "One-time credential request links for the Zendesk admin.",
        mixinStandardHelpOptions = true,
        subcommands = RequestLinkCommand.Create.class)
final class RequestLinkCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a request-link command: create");
    }

    /** The URL is shown this once (sync stores only its hash): it goes to stdout for the operator to send. */
    static void print(PrintWriter out, RequestLinkJson link) {
        out.println("Request link " + link.id() + " (single use, expires " + link.expiresAt() + "):");
        out.println(link.url());
        out.println("Send it to the Zendesk admin; sync shows \"credentials received\" once they used it.");
    }

    @Command(
            name = "create",
            description =
                    "Create a one-time link for the Zendesk admin to hand over an API token; replaces an open one.")
    static final class Create extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection the credentials are for")
        long connectionId;

        @Override
        public Integer call() {
            Answer answer = api().post("api/connections/" + connectionId + "/request-links", null);
            if (json()) {
                out().println(answer.body());
            } else {
                print(out(), answer.as(RequestLinkBody.class).requestLink());
            }
            return ExitCodes.OK;
        }
    }
}
