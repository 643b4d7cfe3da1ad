package io.deskbridge.sync.operator;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the operator on the first start against an empty database, and prints where and as whom to
 * sign in on every start (as desk's {@code AccountOwnerBootstrap} does). A generated password is
 * printed to the console exactly once, never logged, and never printed again; {@code
 * reset-operator-password} (see {@link OperatorPasswordResetCommand}) sets a new one. Only a server
 * prints this: the command-line mode has nothing to sign in to.
 */
@Component
@ConditionalOnWebApplication
class OperatorBootstrap {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);
    /** Unambiguous letters and digits: no look-alikes, and never a leading '-' a shell would misread. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Operators operators;
    private final OperatorProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Environment environment;

    OperatorBootstrap(
            Operators operators,
            OperatorProperties properties,
            AuditLog audit,
            TransactionTemplate transaction,
            Environment environment) {
        this.operators = operators;
        this.properties = properties;
        this.audit = audit;
        this.transaction = transaction;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        announce(System.out);
    }

    /** Creates the operator when the database has none yet; prints the sign-in banner either way. */
    void announce(PrintStream console) {
        String signIn = "http://localhost:" + environment.getProperty("local.server.port", "8081") + "/login";
        boolean chosen = properties.password() != null && !properties.password().isBlank();
        if (operators.count() > 0) {
            if (chosen) {
                log.warn(
                        "SYNC_OPERATOR_PASSWORD (sync.operator.password) is set but ignored: the operator already"
                                + " exists. To make it the operator's password, run: {}",
                        OperatorPasswordResetCommand.USAGE);
            }
            banner(
                    console,
                    signIn,
                    String.join(", ", operators.emails()),
                    "its current password (lost it? run " + OperatorPasswordResetCommand.USAGE + ")");
            return;
        }
        String password = chosen ? properties.password() : generatePassword();
        try {
            transaction.executeWithoutResult(status -> {
                operators.create(properties.email(), password);
                audit.record(
                        AuditEvent.OPERATOR_CREATED,
                        Actor.system(),
                        null,
                        null,
                        "Created the operator " + properties.email() + " on an empty database");
            });
        } catch (DuplicateKeyException raceWithAnotherInstance) {
            log.info("Another sync instance created the operator first");
            banner(console, signIn, properties.email(), "its current password");
            return;
        }
        log.info("Created the operator {} on an empty database", properties.email());
        // The one-time display of a generated password: the console, so it never reaches log files.
        banner(
                console,
                signIn,
                properties.email(),
                chosen
                        ? "password from SYNC_OPERATOR_PASSWORD"
                        : "password " + password + "  (generated; shown only this once)");
    }

    private static void banner(PrintStream console, String signIn, String email, String password) {
        console.println();
        console.println("  Deskbridge sync is ready. Sign in: " + signIn);
        console.println("  Operator " + email + ", " + password);
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
