package io.deskbridge.desk;

import io.deskbridge.desk.user.OwnerPasswordResetCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Deskbridge desk: a self-hosted helpdesk that speaks the Zendesk Support API v2. With {@code
 * reset-owner-password} as its first argument it runs that recovery command instead and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeskApplication {

    public static void main(String[] args) {
        if (OwnerPasswordResetCommand.isRequestedBy(args)) {
            System.exit(OwnerPasswordResetCommand.run(DeskApplication.class, args, System.out));
        }
        SpringApplication.run(DeskApplication.class, args);
    }
}
