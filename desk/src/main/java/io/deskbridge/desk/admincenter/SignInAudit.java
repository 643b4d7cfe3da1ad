package io.deskbridge.desk.admincenter;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.user.DeskPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins to the Admin Center and the agent workspace in the audit log, successful and failed, with
 * the address they came from — what an administrator reviews after a suspected break-in. Only the
 * sign-in form's attempts carry {@link WebAuthenticationDetails}; API authentication is not a
 * sign-in and is not recorded here (its failures are throttled and audited in bursts). The typed
 * password is never recorded; a failed attempt records the email as typed (at most 254 characters).
 */
@Component
class SignInAudit {

    static final String SOURCE_TYPE = "user";
    private static final int MAX_EMAIL = 254;

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (!(authentication.getDetails() instanceof WebAuthenticationDetails details)
                || !(authentication.getPrincipal() instanceof DeskPrincipal user)) {
            return;
        }
        audit.record(
                user.asActor(details.getRemoteAddress()),
                AuditAction.LOGIN,
                "user.signed_in",
                SOURCE_TYPE,
                user.userId(),
                user.email(),
                user.email() + " signed in (" + user.role().wireName() + ") from "
                        + new Actor(null, "", details.getRemoteAddress()).ipAddress());
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        if (!(attempt.getDetails() instanceof WebAuthenticationDetails details)) {
            return;
        }
        String typed = String.valueOf(attempt.getPrincipal());
        String email = typed.length() > MAX_EMAIL ? typed.substring(0, MAX_EMAIL) : typed;
        Actor actor = new Actor(null, "Unauthenticated client", details.getRemoteAddress());
        audit.record(
                actor,
                AuditAction.LOGIN,
                "user.sign_in_failed",
                SOURCE_TYPE,
                null,
                email,
                "Failed sign-in as " + email + " from " + actor.ipAddress() + ": wrong email or password");
    }
}
