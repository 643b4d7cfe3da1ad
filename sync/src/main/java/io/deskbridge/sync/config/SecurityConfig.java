package io.deskbridge.sync.config;

import io.deskbridge.sync.api.ApiErrors;
import io.deskbridge.sync.operator.OperatorSignIn;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.ObjectMapper;

/**
 * Three filter chains. {@code /api/docs/**}: the OpenAPI document and Swagger UI, readable without
 * signing in (see {@link #apiDocs}). {@code /api/**}: HTTP Basic with the operator's email and password, stateless,
 * JSON errors; no CSRF protection because no cookie ever authenticates an API request. Everything
 * else: the web UI with form sign-in and CSRF, except the sign-in page and the request-link pages
 * ({@code /handover/**}), which the Zendesk admin opens without an account (CSRF still applies).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    static final String OPERATOR = "OPERATOR";

    /**
     * The API's documentation is readable without signing in: it describes operations and shapes but
     * holds no data (no connection, no address, no secret), and a client author should not need an
     * operator account to read it. Decided and tested; every operation it describes stays behind HTTP
     * Basic in {@link #api}, and "Try it out" in the UI sends the operator's credentials itself. GET
     * only. Swagger UI runs its own bundled scripts and sets inline style attributes, so these paths
     * get their own CSP: scripts from this origin only (no inline scripts, no eval), inline styles
     * allowed, nothing framed; the web chain's {@code script-src 'none'} stays as it is elsewhere.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/docs", "/api/docs/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                                        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, OperatorSignIn signIn, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Deskbridge sync\"");
            write(json, response, 401, ApiErrors.couldNotAuthenticate());
        };
        // /mcp: the MCP server (package mcp) authenticates like the REST API.
        http.securityMatcher("/api/**", "/mcp", "/mcp/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(OPERATOR))
                .authenticationProvider(signIn)
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, ex) -> write(
                                json,
                                response,
                                403,
                                ApiErrors.error("Forbidden", "Only operators of this sync instance may do this."))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, OperatorSignIn signIn) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/handover/**", "/css/**", "/error", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .hasRole(OPERATOR))
                .authenticationProvider(signIn)
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/connections", false)
                        .failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }

    private static void write(ObjectMapper json, HttpServletResponse response, int status, Map<String, Object> body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
