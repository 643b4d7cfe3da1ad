package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.ClientOptions.MissingPasswordException;
import io.deskbridge.sync.cli.SyncApi.Answer;
import io.deskbridge.sync.migration.MigrationOutcome;
import io.deskbridge.sync.migration.MigrationRisk;
import io.deskbridge.sync.migration.OAuthSwitch;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "migrate",
        description = "Move token connections to OAuth before Zendesk turns API tokens off (2027-04-30).",
        mixinStandardHelpOptions = true,
        subcommands = {MigrateCommand.ListAll.class, MigrateCommand.Show.class, MigrateCommand.Switch.class})
final class MigrateCommand implements Runnable {

    /** Where the client secret comes from: never an option, which would stay in the shell history. */
    static final String SECRET_VARIABLE = "SYNC_OAUTH_CLIENT_SECRET";

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a migrate command: list, show or switch");
    }

    /** {@code {"risks": [...]}}. */
    record RisksBody(List<MigrationRisk> risks) {}

    /** {@code {"risk": {...}}}. */
    record RiskBody(MigrationRisk risk) {}

    /** {@code {"oauth": {...}}} as sent. */
    record SwitchRequest(OAuthSwitch oauth) {}

    /** {@code {"migration": {...}}}. */
    record SwitchBody(MigrationOutcome migration) {}

    @Command(name = "list", description = "Every token connection, nearest deadline first.")
    static final class ListAll extends CliCommand {

        @Override
        public Integer call() {
            Answer answer = api().get("api/oauth-migration");
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            Table table = new Table(
                    "CONNECTION", "ADDRESS", "RISK", "DAYS LEFT", "CUT-OFF", "IDLE DEACTIVATION", "TOKEN EXPIRES");
            for (MigrationRisk r : answer.as(RisksBody.class).risks()) {
                table.row(
                        r.connectionId() + " " + r.connectionName(),
                        r.address(),
                        r.level().wireName(),
                        r.daysLeft(),
                        r.tokensStopOn() == null ? "n/a" : r.tokensStopOn() + " (" + r.daysToCutoff() + " d)",
                        r.idleDeactivationAt() == null
                                ? "unknown"
                                : r.idleDeactivationAt() + " (" + r.daysToIdleDeactivation() + " d)",
                        r.tokenExpiresAt() == null
                                ? "unknown"
                                : r.tokenExpiresAt() + " (" + r.daysToTokenExpiry() + " d)");
            }
            table.print(out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One token connection's risk and the steps to create its OAuth client.")
    static final class Show extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection")
        long connectionId;

        @Override
        public Integer call() {
            Answer answer = api().get("api/connections/" + connectionId + "/oauth-migration");
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            MigrationRisk r = answer.as(RiskBody.class).risk();
            out().println("Connection " + r.connectionId() + " \"" + r.connectionName() + "\" (" + r.address()
                    + "), API token of " + r.tokenEmail() + ": risk "
                    + r.level().wireName()
                    + (r.daysLeft() == null ? "" : ", " + r.daysLeft() + " days left"));
            r.notes().forEach(note -> out().println("  " + note));
            out().println("Create the OAuth client:");
            for (int i = 0; i < r.steps().size(); i++) {
                out().println("  " + (i + 1) + ". " + r.steps().get(i));
            }
            out().println("Then: "
                    + MigrateCommand.class.getAnnotation(Command.class).name() + " switch "
                    + r.connectionId() + " --client-id <identifier>   (secret from $" + SECRET_VARIABLE
                    + " or a prompt)");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "switch",
            description = {
                "Test a confidential OAuth client's token against the account and switch the connection to it "
                        + "between two pages of a running sync.",
                "The client secret comes from $" + SECRET_VARIABLE + " or a prompt, never an option."
            })
    static final class Switch extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection")
        long connectionId;

        @Option(
                names = "--client-id",
                required = true,
                paramLabel = "<identifier>",
                description = "the OAuth client's unique identifier")
        String clientId;

        @Override
        public Integer call() {
            String secret = secret();
            Answer answer = api().post(
                            "api/connections/" + connectionId + "/oauth-migration",
                            Json.MAPPER.writeValueAsString(
                                    new SwitchRequest(new OAuthSwitch(clientId, secret, null, null, null))));
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            MigrationOutcome m = answer.as(SwitchBody.class).migration();
            out().println("Connection " + m.connectionId() + " now uses OAuth (credential version "
                    + m.credentialVersion() + ", authenticated as " + m.authenticatedAs() + "; renewed by "
                    + m.renewal().replace('_', ' ') + ").");
            out().println(m.reminder());
            return ExitCodes.OK;
        }

        private String secret() {
            String fromEnv = context().env().get(SECRET_VARIABLE);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
            char[] typed = context().prompt().read("Client secret of " + clientId + ": ");
            if (typed == null) {
                throw new MissingPasswordException("No client secret: set " + SECRET_VARIABLE
                        + ", or run the command in a terminal to be asked for it (there is no secret option: it "
                        + "would stay in the shell history)");
            }
            return new String(typed);
        }
    }
}
