package io.deskbridge.sync.operator;

import io.deskbridge.common.security.PasswordPolicy;
import io.deskbridge.sync.audit.Actor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * {@code java -jar sync-*-exec.jar reset-operator-password [--property=value ...]}: recovery of a lost
 * operator password, the mirror of desk's {@code reset-owner-password}. Starts sync's context without
 * a web server and without running syncs, against the database sync is configured with (the same
 * environment variables and options as sync), sets a new password for the operator named by {@code
 * SYNC_OPERATOR_EMAIL} (or the only operator) from {@code SYNC_OPERATOR_PASSWORD}, else generated and
 * printed here once, audits the reset ({@code operator.password_reset}) and exits. Running instances
 * stop accepting the old password at once: their cache of verified credentials checks the stored hash
 * on every hit.
 *
 * <p>Why a command and not a start-up flag: a flag left set would reset the password on every start;
 * a command does it once, and only someone with access to the server and its configuration can run it.
 */
public final class OperatorPasswordResetCommand {

    public static final String NAME = "reset-operator-password";
    static final String USAGE = "java -jar sync/target/sync-*-exec.jar " + NAME;

    private OperatorPasswordResetCommand() {}

    public static boolean isRequestedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /**
     * Runs the command; the first argument is its name, the rest are sync's usual options.
     *
     * @return the process exit status: 0 when the password was reset
     */
    public static int run(Class<?> application, String[] args, PrintStream console) {
        List<String> options = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (options.stream().noneMatch(o -> o.startsWith("--logging.level.root="))) {
            // Only warnings and errors: the command's own lines are what the operator needs to read.
            options.add(0, "--logging.level.root=WARN");
        }
        return runWith(application, options.toArray(String[]::new), console);
    }

    /** The command with sync's options only (tests keep the JVM's logging as it is). */
    public static int runWith(Class<?> application, String[] options, PrintStream console) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("sync.engine.scheduler=false")
                    .run(options);
        } catch (RuntimeException e) {
            console.println(NAME + ": sync could not open its database: "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            console.println("  With the embedded H2 database, stop sync first; run the command with the same"
                    + " SYNC_DATA_DIR / SPRING_DATASOURCE_URL as sync.");
            return 1;
        }
        try (context) {
            Operators operators = context.getBean(Operators.class);
            OperatorProperties properties = context.getBean(OperatorProperties.class);
            boolean chosen =
                    properties.password() != null && !properties.password().isBlank();
            String password = chosen ? properties.password() : OperatorBootstrap.generatePassword();
            if (chosen) {
                String problem =
                        PasswordPolicy.problemWith(password, properties.email()).orElse(null);
                if (problem != null) {
                    console.println(NAME + ": SYNC_OPERATOR_PASSWORD is not accepted: " + problem
                            + " Unset it to get a generated one.");
                    return 1;
                }
            }
            String email;
            try {
                email = operators.resetPassword(properties.email(), password, Actor.commandLine(NAME));
            } catch (IllegalStateException noSuchOperator) {
                console.println(NAME + ": " + noSuchOperator.getMessage() + " (database "
                        + context.getEnvironment().getProperty("spring.datasource.url") + ")");
                return 1;
            }
            console.println();
            console.println("  The operator's password was reset.");
            console.println("  Sign in as " + email + " with "
                    + (chosen
                            ? "the password in SYNC_OPERATOR_PASSWORD"
                            : "password " + password + "  (generated; shown only this once)"));
            console.println();
            return 0;
        }
    }
}
