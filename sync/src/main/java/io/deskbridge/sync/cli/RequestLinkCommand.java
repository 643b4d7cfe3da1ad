package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.SyncApi.Answer;
import io.deskbridge.sync.handover.RequestLinkJson;
import io.deskbridge.sync.handover.RequestLinkJson.NewRequestLinkBody;
import io.deskbridge.sync.handover.RequestLinkJson.OAuthClientFields;
import io.deskbridge.sync.handover.RequestLinkJson.RequestLinkBody;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
        if (link.oauthClientId() != null) {
            out.println("The page offers Connect with Zendesk for the OAuth client " + link.oauthClientId() + ".");
        }
        out.println("Send it to the Zendesk admin; sync shows \"credentials received\" once they used it.");
    }

    @Command(
            name = "create",
            description =
                    "Create a one-time link for the Zendesk admin to hand over an API token; replaces an open one.")
    static final class Create extends CliCommand {

        /** Like the operator's password, a client secret is never a command-line option (shell history, ps). */
        static final String CLIENT_SECRET_ENV = "SYNC_OAUTH_CLIENT_SECRET";

        @Parameters(paramLabel = "<connection-id>", description = "the connection the credentials are for")
        long connectionId;

        @Option(
                names = "--oauth-client-id",
                paramLabel = "<identifier>",
                description = "also offer \"Connect with Zendesk\" for this OAuth client of the account; a"
                        + " confidential client's secret comes from $" + CLIENT_SECRET_ENV)
        String oauthClientId;

        @Option(
                names = "--oauth-scope",
                paramLabel = "<scopes>",
                description = "the scopes to ask for with --oauth-client-id (default: read write)")
        String oauthScope;

        @Override
        public Integer call() {
            String body = null;
            if (oauthClientId != null) {
                String secret = context().env().get(CLIENT_SECRET_ENV);
                body = Json.MAPPER.writeValueAsString(new NewRequestLinkBody(new OAuthClientFields(
                        oauthClientId, secret == null || secret.isBlank() ? null : secret, oauthScope)));
            }
            Answer answer = api().post("api/connections/" + connectionId + "/request-links", body);
            if (json()) {
                out().println(answer.body());
            } else {
                print(out(), answer.as(RequestLinkBody.class).requestLink());
            }
            return ExitCodes.OK;
        }
    }
}
