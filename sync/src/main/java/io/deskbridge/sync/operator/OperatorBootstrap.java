package io.deskbridge.sync.operator;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the operator on the first start against an empty database. A generated password is
 * printed to the console exactly once, never logged, and never printed again.
 */
@Component
class OperatorBootstrap {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

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
    void createOperatorOnFirstStart() {
        String signIn = "http://localhost:" + environment.getProperty("local.server.port", "8081") + "/login";
        if (operators.count() > 0) {
            log.info("Deskbridge sync: {} (operator {})", signIn, properties.email());
            return;
        }
        boolean generated =
                properties.password() == null || properties.password().isBlank();
        String password = generated ? generatePassword() : properties.password();
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
            return;
        }
        log.info("Created the operator {} on an empty database", properties.email());
        // The one-time display of the generated password: System.out, so it never reaches log files.
        System.out.println();
        System.out.println("  Deskbridge sync is ready. Sign in: " + signIn);
        System.out.println("  Operator " + properties.email() + ", password "
                + (generated ? password + "  (generated; shown only this once)" : "from SYNC_OPERATOR_PASSWORD"));
        System.out.println();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
