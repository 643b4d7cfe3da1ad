package io.deskbridge.sync.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where sync is and who asks: {@code --url} (or {@code SYNC_URL}), {@code --email} (or {@code
 * SYNC_OPERATOR_EMAIL}), and {@code --json}. The password has no option on purpose: a command line
 * ends up in the shell's history and in {@code ps}; it comes from {@code SYNC_OPERATOR_PASSWORD} or
 * is asked for on the terminal.
 */
final class ClientOptions {

    static final String DEFAULT_URL = "http://localhost:8081";

    /** The same default as sync's {@code sync.operator.email}. */
    static final String DEFAULT_EMAIL = "operator@deskbridge.local";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "<url>",
            description = "sync's address (default: $SYNC_URL, else " + DEFAULT_URL + ")")
    private String url;

    @Option(
            names = "--email",
            paramLabel = "<email>",
            description = "the operator's email (default: $SYNC_OPERATOR_EMAIL, else " + DEFAULT_EMAIL
                    + "); the password comes from $SYNC_OPERATOR_PASSWORD or a prompt")
    private String email;

    @Option(names = "--json", description = "print sync's JSON answer as it came, for scripts")
    boolean json;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this command's options")
    private boolean help;

    SyncApi api(CliContext context) {
        RootCommand root = spec.root().userObject() instanceof RootCommand r ? r : null;
        String address =
                firstOf(url, root == null ? null : root.url, context.env().get("SYNC_URL"), DEFAULT_URL);
        String operator = firstOf(
                email, root == null ? null : root.email, context.env().get("SYNC_OPERATOR_EMAIL"), DEFAULT_EMAIL);
        return new SyncApi(base(address), operator, () -> password(context, operator));
    }

    private URI base(String address) {
        try {
            URI uri = new URI(address.endsWith("/") ? address : address + "/");
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ParameterException(
                spec.commandLine(),
                "The sync URL '" + address + "' is not an http(s) URL like " + DEFAULT_URL
                        + " (from --url or SYNC_URL)");
    }

    private static String password(CliContext context, String operator) {
        String fromEnv = context.env().get("SYNC_OPERATOR_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        char[] typed = context.prompt().read("Password for " + operator + ": ");
        if (typed == null) {
            throw new MissingPasswordException(
                    "No operator password: set SYNC_OPERATOR_PASSWORD, or run the command "
                            + "in a terminal to be asked for it (there is no password option: it would stay in the shell history)");
        }
        return new String(typed);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        throw new IllegalStateException("no default");
    }

    /** No password in the environment and no terminal to ask on. */
    static final class MissingPasswordException extends RuntimeException {
        MissingPasswordException(String message) {
            super(message);
        }
    }
}
