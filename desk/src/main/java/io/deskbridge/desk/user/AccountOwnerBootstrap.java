package io.deskbridge.desk.user;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the account owner (an admin) on the first start against an empty database, and prints
 * where and as whom to sign in on every start. A generated password is printed to the console exactly
 * once, never logged, and never printed again; {@code reset-owner-password} (see {@link
 * OwnerPasswordResetCommand}) sets a new one. Only a server prints this: the command-line mode has
 * nothing to sign in to.
 */
@Component
@ConditionalOnWebApplication
class AccountOwnerBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AccountOwnerBootstrap.class);
    /** Unambiguous letters and digits: no look-alikes, and never a leading '-' a shell would misread. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Users users;
    private final DeskAdminProperties properties;
    private final Environment environment;

    AccountOwnerBootstrap(Users users, DeskAdminProperties properties, Environment environment) {
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        announce(System.out);
    }

    /** Creates the owner when the database has no user yet; prints the sign-in banner either way. */
    void announce(PrintStream console) {
        String signIn = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/login";
        boolean chosen = properties.password() != null && !properties.password().isBlank();
        if (users.count() > 0) {
            Optional<UserAccount> owner = users.accountOwner();
            if (chosen) {
                log.warn(
                        "DESK_ADMIN_PASSWORD (desk.admin.password) is set but ignored: the account owner {} already"
                                + " exists. To make it the owner's password, run: {}",
                        owner.map(UserAccount::email).orElse(properties.email()),
                        OwnerPasswordResetCommand.USAGE);
            }
            banner(
                    console,
                    signIn,
                    owner.map(UserAccount::email).orElse(properties.email()),
                    "its current password (lost it? run " + OwnerPasswordResetCommand.USAGE + ")");
            return;
        }
        String password = chosen ? properties.password() : generatePassword();
        try {
            users.createOwner("Account owner", properties.email(), password);
        } catch (DuplicateKeyException raceWithAnotherInstance) {
            log.info("Another desk instance created the account owner first");
            banner(console, signIn, properties.email(), "its current password");
            return;
        }
        log.info("Created the account owner {} on an empty database", properties.email());
        // The one-time display of a generated password: the console, so it never reaches log files.
        banner(
                console,
                signIn,
                properties.email(),
                chosen
                        ? "the password in DESK_ADMIN_PASSWORD"
                        : "password " + password + "  (generated; shown only this once)");
    }

    private static void banner(PrintStream console, String signIn, String email, String password) {
        console.println();
        console.println("  Deskbridge desk is ready. Open the Admin Center: " + signIn);
        console.println("  Sign in as " + email + " with " + password);
        console.println();
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
