package io.deskbridge.common.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management endpoints (health, liveness, readiness, Prometheus) answer without sign-in: they
 * live on their own port ({@code management.server.port}), bound to 127.0.0.1 by default, for load
 * balancers, orchestrators and the metrics scraper. They carry no secret and change nothing. No
 * session is created for them. Each app registers this chain first ({@code @Order(0)}).
 */
public final class ManagementEndpointSecurity {

    private ManagementEndpointSecurity() {}

    public static SecurityFilterChain chain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
