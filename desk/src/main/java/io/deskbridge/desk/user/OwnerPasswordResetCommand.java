package io.deskbridge.desk.user;

import io.deskbridge.desk.audit.Actor;
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
 * {@code java -jar desk-*-exec.jar reset-owner-password [--property=value ...]}: recovery of a lost
 * account owner. Starts desk's context without a web server or scheduled work, against the database
 * desk is configured with (the same environment variables and options as desk), sets a new owner
 * password (from {@code DESK_ADMIN_PASSWORD}, else generated and printed here once), reactivates the
 * owner and restores its admin role if it lost them, audits the reset, tells every running desk
 * instance to drop its cached view of the owner, and exits.
 *
 * <p>Why a command and not a start-up flag: a flag left set would reset the password on every start;
 * a command does it once, and only someone with access to the server and its configuration can run it.
 */
public final class OwnerPasswordResetCommand {

    public static final String NAME = "reset-owner-password";
    static final String USAGE = "java -jar desk/target/desk-*-exec.jar " + NAME;

    private OwnerPasswordResetCommand() {}

    public static boolean isRequestedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /**
     * Runs the command; the first argument is its name, the rest are desk's usual options.
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

    /** The command with desk's options only (tests keep the JVM's logging as it is). */
    static int runWith(Class<?> application, String[] options, PrintStream console) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("desk.scheduling.enabled=false")
                    .run(options);
        } catch (RuntimeException e) {
            console.println("reset-owner-password: desk could not open its database: "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            console.println("  With the embedded H2 database, stop desk first; run the command with the same"
                    + " DESK_DATA_DIR / SPRING_DATASOURCE_URL as desk.");
            return 1;
        }
        try (context) {
            Users users = context.getBean(Users.class);
            DeskAdminProperties properties = context.getBean(DeskAdminProperties.class);
            boolean chosen =
                    properties.password() != null && !properties.password().isBlank();
            String password = chosen ? properties.password() : AccountOwnerBootstrap.generatePassword();
            OwnerReset reset;
            try {
                reset = users.resetOwnerPassword(
                        new Actor(
                                null,
                                "Command line: " + NAME + " (OS user " + System.getProperty("user.name") + ")",
                                null),
                        password);
            } catch (IllegalStateException noOwner) {
                console.println("reset-owner-password: " + noOwner.getMessage() + " (database "
                        + context.getEnvironment().getProperty("spring.datasource.url") + ")");
                return 1;
            }
            console.println();
            console.println("  The account owner's password was reset"
                    + (reset.reactivated() ? "; the owner was suspended or deleted and is active again" : "")
                    + (reset.madeAdmin() ? "; the owner is admin again" : "") + ".");
            console.println("  Sign in as " + reset.email() + " with "
                    + (chosen
                            ? "the password in DESK_ADMIN_PASSWORD"
                            : "password " + password + "  (generated; shown only this once)"));
            console.println();
            return 0;
        }
    }
}
