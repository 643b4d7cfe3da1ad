package io.deskbridge.desk.config;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management endpoints (health, liveness, readiness, Prometheus) answer without sign-in: they
 * live on their own port ({@code management.server.port}), bound to 127.0.0.1 by default, for load
 * balancers, orchestrators and the metrics scraper. They carry no secret and change nothing. No
 * session is created for them.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
