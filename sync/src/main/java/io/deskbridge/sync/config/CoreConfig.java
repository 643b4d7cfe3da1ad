package io.deskbridge.sync.config;

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

    /** bcrypt by default, with the {id} prefix so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
