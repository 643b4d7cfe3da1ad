package io.deskbridge.sync.config;

import io.deskbridge.common.security.SessionOrCookieCsrfTokens;
import io.deskbridge.sync.api.ApiError;
import io.deskbridge.sync.operator.OperatorSessionCheck;
import io.deskbridge.sync.operator.OperatorSignIn;
import io.deskbridge.sync.operator.Operators;
import io.deskbridge.sync.operator.SignInThrottledException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import tools.jackson.databind.ObjectMapper;

/**
 * Four filter chains. {@code /hooks/**}: webhook hints, authenticated by their signature (see
 * {@link #hooks}). {@code /api/docs/**}: the OpenAPI document and Swagger UI, readable without
 * signing in (see {@link #apiDocs}). {@code /api/**}: HTTP Basic with the operator's email and password, stateless,
 * JSON errors; no CSRF protection because no cookie ever authenticates an API request. Everything
 * else: the web UI with form sign-in and CSRF, except the sign-in page and the request-link pages
 * ({@code /handover/**}), which the Zendesk admin opens without an account (CSRF still applies,
 * without a server session). Sign-in by form and by HTTP Basic goes through {@link OperatorSignIn}:
 * throttled per address and per account, failures audited, verified credentials cached briefly.
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
     * allowed, nothing framed; the web chain allows only its own script files, no inline scripts.
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

    /**
     * {@code /hooks/**}: webhook hints from Zendesk (package {@code hint}). No operator sign-in, no
     * session, no CSRF: each call is authenticated by its webhook signature in the controller, and it
     * can do no more than bring a sync run forward.
     */
    @Bean
    @Order(0)
    SecurityFilterChain hooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/hooks/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/hooks/zendesk/*")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, OperatorSignIn signIn, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                write(json, response, 429, tooManySignIns(throttled.retryAfterSeconds()));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Deskbridge sync\"");
            write(json, response, 401, notSignedIn(e instanceof BadCredentialsException));
        };
        // /mcp: the MCP server (package mcp) authenticates like the REST API.
        http.securityMatcher("/api/**", "/mcp", "/mcp/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(OPERATOR))
                .authenticationManager(operatorsOnly(signIn))
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
                                ApiError.of("Forbidden", "Only operators of this sync instance may do this."))));
        return http.build();
    }

    /**
     * The web UI. Anonymous pages (sign-in, a request link's page) create no server session: their
     * CSRF token travels in a cookie ({@link SessionOrCookieCsrfTokens}) and a page that needs a
     * signed-in operator is not remembered for after sign-in unless a session already exists (sign-in
     * then lands on the connections page). A session is created at sign-in only.
     */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, OperatorSignIn signIn, Operators operators) throws Exception {
        HttpSessionRequestCache pagesOfASession = new HttpSessionRequestCache();
        pagesOfASession.setCreateSessionAllowed(false);
        http.authorizeHttpRequests(
                        a -> a.requestMatchers("/login", "/handover/**", "/css/**", "/js/**", "/error", "/favicon.ico")
                                .permitAll()
                                .anyRequest()
                                .hasRole(OPERATOR))
                .authenticationManager(operatorsOnly(signIn))
                .csrf(c -> c.csrfTokenRepository(new SessionOrCookieCsrfTokens("SYNC_XSRF")))
                .requestCache(r -> r.requestCache(pagesOfASession))
                // A session whose operator changed or lost its password ends at once, on every instance.
                .addFilterAfter(new OperatorSessionCheck(operators), SecurityContextHolderFilter.class)
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/connections", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                e instanceof SignInThrottledException throttled
                                        ? "/login?throttled=" + throttled.retryAfterSeconds()
                                        : "/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                // Scripts from sync itself only (console.js: copy buttons, live refresh);
                                // no inline script, no eval; fetch only back to sync.
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
                                        + " base-uri 'none'; object-src 'none'")));
        return http.build();
    }

    /**
     * Only the operators' provider, without Spring's global authentication manager as a parent: with
     * the parent, a wrong password was checked (bcrypt) and counted twice.
     */
    private static AuthenticationManager operatorsOnly(OperatorSignIn signIn) {
        ProviderManager manager = new ProviderManager(signIn);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * 401 in sync's own words (issue 9, item 8: the CLI printed Zendesk's "Couldn't authenticate you"
     * for a wrong operator password, as if Zendesk had refused it); the {@code error}/{@code
     * description} shape stays Zendesk's, like every other error of this API.
     */
    static ApiError notSignedIn(boolean credentialsRefused) {
        return credentialsRefused
                ? ApiError.of(
                        "OperatorSignInFailed",
                        "sync refused this operator email and password (HTTP Basic). Check SYNC_OPERATOR_EMAIL and"
                                + " SYNC_OPERATOR_PASSWORD; a lost password is reset on the sync server with"
                                + " reset-operator-password.")
                : ApiError.of(
                        "OperatorSignInRequired", "This API needs a sync operator's email and password (HTTP Basic).");
    }

    static ApiError tooManySignIns(long retryAfterSeconds) {
        return ApiError.of(
                "TooManySignInAttempts",
                "Too many failed operator sign-ins from this address or as this operator; try again in "
                        + retryAfterSeconds + " seconds (Retry-After).");
    }

    private static void write(ObjectMapper json, HttpServletResponse response, int status, ApiError body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
