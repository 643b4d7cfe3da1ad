package io.deskbridge.sync;

import io.deskbridge.sync.cli.SyncCli;
import io.deskbridge.sync.operator.OperatorPasswordResetCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Deskbridge sync: the integration platform that receives a Zendesk account's credentials through a
 * one-time request link, diagnoses the connection and syncs its data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncApplication {

    /**
     * {@code java -jar sync-exec.jar connections list} (a CLI command first) runs the CLI, a client of a
     * running sync, without starting Spring; anything else ({@code --server.port=..}, nothing) starts
     * the server. {@code reset-operator-password} runs that recovery command instead and exits.
     */
    public static void main(String[] args) {
        if (OperatorPasswordResetCommand.isRequestedBy(args)) {
            System.exit(OperatorPasswordResetCommand.run(SyncApplication.class, args, System.out));
        }
        if (SyncCli.isCommand(args)) {
            SyncCli.main(args);
            return;
        }
        SpringApplication.run(SyncApplication.class, args);
    }
}
