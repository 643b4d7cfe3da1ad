package io.deskbridge.sync.operator;

import io.deskbridge.common.security.PasswordPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in operator's own password change ({@code /account/password}). A wrong current password
 * counts as a failed sign-in ({@link SignInThrottle}): a borrowed session must not become a way to
 * guess the password without limit.
 */
@Controller
class PasswordPage {

    static final String PATH = "/account/password";

    private final Operators operators;
    private final SignInThrottle throttle;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordPage(Operators operators, SignInThrottle throttle) {
        this.operators = operators;
        this.throttle = throttle;
    }

    /**
     * The session that changed the password stays signed in (with a new id and the new password's
     * stamp); every other session of the operator ends at its next request ({@link OperatorSessionCheck}).
     */
    private void keepThisSession(OperatorPrincipal operator, HttpServletRequest request, HttpServletResponse response) {
        operators.reload(operator.id()).ifPresent(fresh -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    fresh, null, List.of(new SimpleGrantedAuthority(OperatorPrincipal.AUTHORITY))));
            SecurityContextHolder.setContext(context);
            request.changeSessionId();
            sessions.saveContext(context, request, response);
        });
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal OperatorPrincipal operator, Model model) {
        model.addAttribute("me", operator);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "operator/password";
    }

    @PostMapping(PATH)
    String change(
            @AuthenticationPrincipal OperatorPrincipal operator,
            @RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String next,
            @RequestParam(name = "confirm_password", defaultValue = "") String confirm,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String address = request.getRemoteAddr();
        long retryAfter = throttle.retryAfterSeconds(address, operator.email());
        Optional<String> problem;
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            problem = Optional.of("Too many wrong passwords from your address or for this operator. Try again in "
                    + retryAfter + " seconds.");
        } else if (!next.equals(confirm)) {
            problem = Optional.of("The new password and its confirmation differ.");
        } else {
            problem = operators.changePassword(
                    operator, current, next, operator.asActor(address, request.getHeader("User-Agent")));
            if (problem.filter(Operators.WRONG_CURRENT_PASSWORD::equals).isPresent()) {
                throttle.recordFailure(address, operator.email(), operator.email());
            }
        }
        if (problem.isEmpty()) {
            keepThisSession(operator, request, response);
            return "redirect:" + PATH + "?changed";
        }
        response.setStatus(retryAfter > 0 ? 429 : 422);
        model.addAttribute("me", operator);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("problem", problem.get());
        return "operator/password";
    }
}
