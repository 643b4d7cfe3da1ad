package io.deskbridge.sync.operator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session whose operator no longer signs in with the password the session was opened with
 * (changed in another session, or reset with {@code reset-operator-password} on any instance), or no
 * longer exists: checked against the database on every request of the web UI, so it holds across
 * instances at once. The request then goes on unauthenticated (to the sign-in page). HTTP Basic calls
 * are checked on every call anyway ({@link Operators#check}). Static files ({@code /css/}, {@code /js/},
 * the icon) are skipped: they show nothing of the account, are served to anyone, and a page loads several
 * of them, each of which cost a database read.
 */
public final class OperatorSessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperatorSessionCheck.class);

    private final Operators operators;

    public OperatorSessionCheck(Operators operators) {
        this.operators = operators;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof OperatorPrincipal operator
                && operators.current(operator).isEmpty()) {
            log.info("Ended a web session of operator {}: its password changed or the operator is gone", operator.id());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
