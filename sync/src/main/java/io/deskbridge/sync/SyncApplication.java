package io.deskbridge.sync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Deskbridge sync: the integration platform that receives a Zendesk account's credentials through a
 * one-time request link and (in later slices) diagnoses the connection and syncs its data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(SyncApplication.class, args);
    }
}
