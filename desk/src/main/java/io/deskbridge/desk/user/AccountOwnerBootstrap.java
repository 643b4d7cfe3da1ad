package io.deskbridge.desk.user;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the account owner (an admin) on the first start against an empty database. A generated
 * password is printed to the console exactly once, never logged, and never printed again.
 */
@Component
class AccountOwnerBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AccountOwnerBootstrap.class);

    private final Users users;
    private final DeskAdminProperties properties;
    private final Environment environment;

    AccountOwnerBootstrap(Users users, DeskAdminProperties properties, Environment environment) {
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOwnerOnFirstStart() {
        String signIn = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/login";
        if (users.count() > 0) {
            log.info("Admin Center: {} (account owner {})", signIn, properties.email());
            return;
        }
        boolean generated =
                properties.password() == null || properties.password().isBlank();
        String password = generated ? generatePassword() : properties.password();
        try {
            users.create("Account owner", properties.email(), Role.ADMIN, password);
        } catch (DuplicateKeyException raceWithAnotherInstance) {
            log.info("Another desk instance created the account owner first");
            return;
        }
        log.info("Created the account owner {} on an empty database", properties.email());
        // The one-time display of the generated password: System.out, so it never reaches log files.
        System.out.println();
        System.out.println("  Deskbridge desk is ready. Open the Admin Center: " + signIn);
        System.out.println("  Sign in as " + properties.email() + " with password "
                + (generated ? password + "  (generated; shown only this once)" : "from DESK_ADMIN_PASSWORD"));
        System.out.println();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
