package io.deskbridge.sync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sync-cli",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = {
            "Deskbridge sync from the command line: a client of a running sync's REST API.",
            "Environment: SYNC_URL, SYNC_OPERATOR_EMAIL, SYNC_OPERATOR_PASSWORD (else you are asked for it).",
            "Exit codes: 0 done, 1 refused by sync / run failed / diagnostics failed, 2 sync unreachable,"
                    + " 3 run paused, 64 invalid command line."
        },
        subcommands = {
            ConnectionsCommand.class,
            RequestLinkCommand.class,
            SyncCommand.class,
            StatusCommand.class,
            RulesCommand.class,
            MigrateCommand.class,
            HelpCommand.class
        })
final class RootCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    /** Also before the command ({@code sync-cli --url … status}); the command's own option wins. */
    @Option(
            names = "--url",
            paramLabel = "<url>",
            description = "sync's address, here or after the command (default: $SYNC_URL, else "
                    + ClientOptions.DEFAULT_URL + ")")
    String url;

    @Option(
            names = "--email",
            paramLabel = "<email>",
            description = "the operator's email, here or after the command (default: $SYNC_OPERATOR_EMAIL)")
    String email;

    RootCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** Without a command: the usage, as an invalid command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Deskbridge sync CLI " + (version == null ? "(development build)" : version)};
        }
    }
}
