package io.deskbridge.desk.testdouble;

import io.deskbridge.desk.api.ZendeskErrors;
import io.deskbridge.desk.apiauth.FailedAuthThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Lets a request carrying the configured {@link TestDoubleProperties#KEY_HEADER} use {@code /_desk/}
 * as {@link #KEY_HOLDER}; a wrong key answers 401 and counts against the caller's address like a
 * wrong password. Requests without the header go on to the API's own authentication (an admin's).
 */
public class TestDoubleKeyFilter extends OncePerRequestFilter {

    /** The principal name of a caller that used the key; audit entries name it. */
    public static final String KEY_HOLDER = "Test double key";

    private final TestDoubleProperties properties;
    private final FailedAuthThrottle throttle;
    private final ObjectMapper json;

    public TestDoubleKeyFilter(TestDoubleProperties properties, FailedAuthThrottle throttle, ObjectMapper json) {
        this.properties = properties;
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(TestDoubleProperties.KEY_HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        if (properties.key() == null
                || !MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        properties.key().getBytes(StandardCharsets.UTF_8))) {
            throttle.recordFailure(request.getRemoteAddr(), null);
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ZendeskErrors.couldNotAuthenticate());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                KEY_HOLDER, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
