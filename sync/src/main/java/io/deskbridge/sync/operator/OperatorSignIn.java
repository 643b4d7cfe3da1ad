package io.deskbridge.sync.operator;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email + password, from the sign-in form or HTTP Basic: authenticates as an {@link OperatorPrincipal}.
 * An attempt whose client address or account has used up its failed sign-in budget is refused with
 * {@link SignInThrottledException} before the password is looked at ({@link SignInThrottle}); a
 * failure counts against both budgets.
 */
@Component
public class OperatorSignIn implements AuthenticationProvider {

    private final Operators operators;
    private final SignInThrottle throttle;

    OperatorSignIn(Operators operators, SignInThrottle throttle) {
        this.operators = operators;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                        ? web.getRemoteAddress()
                        : "unknown";
        long retryAfter = throttle.retryAfterSeconds(address, email);
        if (retryAfter > 0) {
            throw new SignInThrottledException(retryAfter);
        }
        Operators.Check check = operators.check(email, password);
        if (check.operator() == null) {
            throttle.recordFailure(address, email, check.operatorEmail());
            throw new BadCredentialsException("Wrong email or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                check.operator(), null, List.of(new SimpleGrantedAuthority(OperatorPrincipal.AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
