package io.deskbridge.sync.config;

import io.deskbridge.common.security.DataDirectoryGuard;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

    /** The one clock of sync; tests replace it to move time (link expiry). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The data directory ({@code sync.data-dir}) owner-only before anything opens a file in it (static: a
     * bean factory post-processor).
     */
    @Bean
    static DataDirectoryGuard dataDirectoryGuard() {
        return new DataDirectoryGuard("sync.data-dir");
    }

    /** PostgreSQL driver settings: multi-row INSERTs, plans made with the values (static: a bean post-processor). */
    @Bean
    static PostgresPoolDefaults postgresPoolDefaults() {
        return new PostgresPoolDefaults();
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
