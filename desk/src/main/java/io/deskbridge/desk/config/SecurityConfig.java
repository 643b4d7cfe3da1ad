package io.deskbridge.desk.config;

import io.deskbridge.common.security.SessionOrCookieCsrfTokens;
import io.deskbridge.desk.admincenter.RememberedSignInEmail;
import io.deskbridge.desk.agent.SignInLanding;
import io.deskbridge.desk.api.ZendeskErrors;
import io.deskbridge.desk.apiauth.ApiAuthenticationFilter;
import io.deskbridge.desk.apiauth.ApiAuthenticator;
import io.deskbridge.desk.apiauth.AuthenticationMetrics;
import io.deskbridge.desk.apiauth.FailedAuthThrottle;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.testdouble.TestDoubleKeyFilter;
import io.deskbridge.desk.testdouble.TestDoubleProperties;
import io.deskbridge.desk.user.LiveSessionFilter;
import io.deskbridge.desk.user.LiveSessionFilter.WhenEnded;
import io.deskbridge.desk.user.SessionSignIn;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Two filter chains. {@code /api/**}: Zendesk-style authentication (header first, then the Admin
 * Center session with {@code X-CSRF-Token} on writes), Zendesk error bodies. Everything else: the
 * Admin Center (admins only) and the agent workspace under {@code /agent} (agents and admins), one
 * form sign-in. In both, a session is re-checked against its user on
 * every request ({@link LiveSessionFilter}) before anything else reads it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * No Micrometer observations of Spring Security's own filters and authorization decisions: with
     * them, every filter of the chain is wrapped in an observation per request (about 8 % of desk's
     * CPU for {@code GET /api/v2/tickets/{id}} in a JFR profile, issue 16). The request itself is still
     * observed ({@code http.server.requests}), and authentication outcomes keep their own counters
     * ({@link AuthenticationMetrics}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * {@code /_desk/**} (testdouble/): admins by the API's credentials, or the test-double key; never
     * a session, so no CSRF surface. While the test double is off, testdouble's filter answers 404
     * before this chain runs.
     */
    @Bean
    @Order(0)
    SecurityFilterChain testDouble(
            HttpSecurity http,
            ApiAuthenticator authenticator,
            FailedAuthThrottle throttle,
            AuthenticationMetrics metrics,
            ObjectMapper json,
            TestDoubleProperties testDouble)
            throws Exception {
        http.securityMatcher("/_desk", "/_desk/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(
                        new ApiAuthenticationFilter(authenticator, throttle, json, metrics),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new TestDoubleKeyFilter(testDouble, throttle, json), ApiAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Web Password\"");
                            write(json, response, 401, ZendeskErrors.couldNotAuthenticate());
                        })
                        .accessDeniedHandler(
                                (request, response, ex) -> write(json, response, 403, ZendeskErrors.forbidden())));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiAuthenticator authenticator,
            FailedAuthThrottle throttle,
            AuthenticationMetrics metrics,
            ObjectMapper json,
            Users users,
            AuditLog audit)
            throws Exception {
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        csrfTokens.setHeaderName("X-CSRF-Token");
        http.securityMatcher("/api/**")
                // The rules, in order, are in ApiAccessRules (string comparisons, not path patterns).
                .authorizeHttpRequests(a -> a.anyRequest().access(new ApiAccessRules()))
                .csrf(c -> c.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(sessionWrites()))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .addFilterAfter(
                        new LiveSessionFilter(users, audit, WhenEnded.CONTINUE_UNAUTHENTICATED),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new ApiAuthenticationFilter(authenticator, throttle, json, metrics),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Web Password\"");
                            write(json, response, 401, ZendeskErrors.couldNotAuthenticate());
                        })
                        .accessDeniedHandler((request, response, ex) -> write(
                                json,
                                response,
                                403,
                                ex instanceof CsrfException
                                        ? ZendeskErrors.error(
                                                "InvalidCSRFToken",
                                                "A write with the Admin Center session must send the X-CSRF-Token header; "
                                                        + "read authenticity_token from GET /api/v2/users/me")
                                        : "GET".equals(request.getMethod())
                                                ? ZendeskErrors.resourceRestricted()
                                                : ZendeskErrors.forbidden())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain adminCenter(
            HttpSecurity http, SessionSignIn signIn, FailedAuthThrottle throttle, Users users, AuditLog audit)
            throws Exception {
        // Anonymous pages create no session (issue 10): the sign-in form's CSRF token travels in a
        // cookie, and a page that needs signing in is remembered for after sign-in only in an existing session.
        // The page that asked for sign-in (an OAuth consent page, a deep link) is kept in a cookie, not a
        // session: anonymous requests create no session (see SessionOrCookieCsrfTokens).
        CookieRequestCache pagesBeforeSignIn = new CookieRequestCache();
        http.csrf(c -> c.csrfTokenRepository(new SessionOrCookieCsrfTokens("DESK_XSRF")))
                .requestCache(r -> r.requestCache(pagesBeforeSignIn));
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login", "/access-denied", "/css/**", "/js/**", "/error", "/favicon.ico")
                        .permitAll()
                        // OAuth's token endpoint: clients authenticate themselves there, without a session.
                        .requestMatchers(HttpMethod.POST, "/oauth/tokens")
                        .permitAll()
                        // Leak reports: the scanner's signature over the body is the authentication (leakreport/).
                        .requestMatchers(HttpMethod.POST, "/secret_scanning/reports")
                        .permitAll()
                        .requestMatchers("/", "/admin", "/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/agent", "/agent/**")
                        .hasAnyRole("ADMIN", "AGENT")
                        .anyRequest()
                        .authenticated())
                .csrf(c -> c.ignoringRequestMatchers(request -> "POST".equals(request.getMethod())
                        && Set.of("/oauth/tokens", "/secret_scanning/reports").contains(request.getServletPath())))
                .authenticationProvider(signIn)
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(new SignInLanding(pagesBeforeSignIn))
                        .failureHandler((request, response, ex) -> {
                            // Wrong passwords count against the same budgets as the API's: per address and
                            // per account.
                            throttle.recordFailure(request.getRemoteAddr(), request.getParameter("email"));
                            RememberedSignInEmail.remember(request, response);
                            response.sendRedirect("/login?error");
                        }))
                .addFilterAfter(
                        new LiveSessionFilter(users, audit, WhenEnded.REDIRECT_TO_SIGN_IN),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(signInThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .exceptionHandling(e -> e.accessDeniedPage("/access-denied"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }

    /**
     * Refuses sign-in attempts from an address, or as an email, while its failed-authentication budget
     * is spent.
     */
    private static OncePerRequestFilter signInThrottle(FailedAuthThrottle throttle) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long retryAfter = throttle.retryAfterSeconds(request.getRemoteAddr(), request.getParameter("email"));
                if (retryAfter > 0) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    response.sendRedirect("/login?throttled=" + retryAfter);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * CSRF applies to writes that rely on the session cookie, not to header-authenticated calls. A
     * blank Authorization header counts as none: the API authentication ignores it and uses the
     * session, so it must not skip the CSRF check either.
     */
    private static RequestMatcher sessionWrites() {
        return (HttpServletRequest request) -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return !SAFE_METHODS.contains(request.getMethod())
                    && (authorization == null || authorization.isBlank())
                    && request.getSession(false) != null;
        };
    }

    private static void write(ObjectMapper json, HttpServletResponse response, int status, Map<String, Object> body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
