package io.deskbridge.sync.cli;

import io.deskbridge.sync.cli.ClientOptions.MissingPasswordException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The CLI's entry point. {@code SyncApplication} hands an invocation here when its first argument is
 * one of {@link #COMMANDS}; the {@code ./sync-cli} launcher calls {@link #main} directly. Nothing here
 * starts Spring.
 */
public final class SyncCli {

    /** First arguments that mean "CLI, not server" (Spring's own arguments all start with {@code --}). */
    public static final Set<String> COMMANDS = Set.of("connections", "request-link", "sync", "status", "rules", "help");

    private SyncCli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static void main(String[] args) {
        System.exit(run(args, CliContext.system()));
    }

    /** Runs one command line; answers the exit code (see {@code sync-cli --help}). */
    public static int run(String[] args, CliContext context) {
        CommandLine cli = new CommandLine(new RootCommand(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e, context));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine, context));
        try {
            return cli.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private static int usageError(ParameterException e, CliContext context) {
        context.err().println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, context.err());
        context.err().println("Run with --help for the commands and options.");
        return ExitCodes.USAGE;
    }

    private static int failed(Exception e, CommandLine commandLine, CliContext context) throws Exception {
        if (e instanceof ApiErrorException error) {
            if (commandLine.getCommand() instanceof CliCommand command && command.json() && error.body() != null) {
                context.out().println(error.body());
            }
            context.err().println("sync answered " + error.status() + ": " + error.getMessage());
            return ExitCodes.FAILED;
        }
        if (e instanceof UnreachableException) {
            context.err().println(e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof MissingPasswordException) {
            context.err().println(e.getMessage());
            return ExitCodes.FAILED;
        }
        if (e instanceof ParameterException parameter) {
            return usageError(parameter, context);
        }
        throw e;
    }
}
