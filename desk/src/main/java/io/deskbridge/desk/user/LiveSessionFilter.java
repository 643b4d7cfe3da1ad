package io.deskbridge.desk.user;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks the user behind an Admin Center session on every request, before anything else reads the
 * session (CSRF, authorization, controllers): a session whose user was deleted, suspended or given
 * another role since sign-in is invalidated on the spot and the request runs without it. A live
 * session runs with the user's current name and email.
 *
 * <p>Why a cached lookup and not a database read per request: {@link Users#findByIdCached} is the
 * same epoch-stamped cache that guards API tokens. Every user change bumps the {@code cache_epoch}
 * row in its own transaction; the instance that made the change sees it at commit, every other
 * instance at its next epoch poll (200 ms by default), and an entry loaded concurrently with a change
 * is stale at once. So a session ends as fast as a revoked token stops, on every instance, and the
 * Admin Center's hot path reads no row while nothing changes.
 */
public class LiveSessionFilter extends OncePerRequestFilter {

    /** What the client sees once its session ended. */
    public enum WhenEnded {
        /** Admin Center pages: a redirect to the sign-in page, which says why. */
        REDIRECT_TO_SIGN_IN,
        /** The API: the request goes on unauthenticated (401, or the anonymous user on /users/me). */
        CONTINUE_UNAUTHENTICATED
    }

    static final String SIGN_IN_PATH = "/login";
    static final String ENDED_LOCATION = SIGN_IN_PATH + "?session-ended";
    private static final Logger log = LoggerFactory.getLogger(LiveSessionFilter.class);

    private final Users users;
    private final AuditLog audit;
    private final WhenEnded whenEnded;

    public LiveSessionFilter(Users users, AuditLog audit, WhenEnded whenEnded) {
        this.users = users;
        this.audit = audit;
        this.whenEnded = whenEnded;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof DeskPrincipal signedIn)
                || signedIn.via() != DeskPrincipal.Via.SESSION) {
            chain.doFilter(request, response);
            return;
        }
        SessionCheck.Verdict verdict = SessionCheck.check(signedIn, users.findByIdCached(signedIn.userId()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (!verdict.ended()) {
            if (!verdict.principal().equals(signedIn)) {
                context.setAuthentication(SessionSignIn.authenticated(verdict.principal()));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
            return;
        }
        end(request, signedIn, verdict.ending(), request.getRemoteAddr());
        SecurityContextHolder.setContext(context);
        if (whenEnded == WhenEnded.REDIRECT_TO_SIGN_IN && !SIGN_IN_PATH.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + ENDED_LOCATION);
            return;
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request, DeskPrincipal signedIn, SessionCheck.Ending ending, String address) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // A concurrent request of the same session ended it first; it audited the end.
            return;
        }
        log.info("Ended the Admin Center session of user {}: {}", signedIn.userId(), ending.reason());
        audit.record(
                Actor.system(),
                AuditAction.LOGIN,
                "session.ended",
                "user",
                signedIn.userId(),
                signedIn.email(),
                "Ended the Admin Center session of " + signedIn.email() + " (signed in as "
                        + signedIn.role().wireName() + "): " + ending.reason() + "; its last request came from "
                        + address);
    }
}
