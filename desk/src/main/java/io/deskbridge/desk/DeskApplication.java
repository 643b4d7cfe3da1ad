package io.deskbridge.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Deskbridge desk: a self-hosted helpdesk that speaks the Zendesk Support API v2. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskApplication.class, args);
    }
}
