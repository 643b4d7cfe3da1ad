package io.deskbridge.sync.config;

import io.deskbridge.common.security.ManagementEndpointSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The management port's endpoints without sign-in (see {@link ManagementEndpointSecurity}). */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        return ManagementEndpointSecurity.chain(http);
    }
}
