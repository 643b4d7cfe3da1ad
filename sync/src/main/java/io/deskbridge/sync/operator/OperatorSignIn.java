package io.deskbridge.sync.operator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * failure counts against both budgets. Counted for Prometheus as {@code
 * sync_operator_authentications_total{outcome}}: {@code success}, {@code failure}, {@code throttled}.
 */
@Component
public class OperatorSignIn implements AuthenticationProvider {

    private final Operators operators;
    private final SignInThrottle throttle;
    private final Counter successes;
    private final Counter failures;
    private final Counter throttled;

    OperatorSignIn(Operators operators, SignInThrottle throttle, MeterRegistry registry) {
        this.operators = operators;
        this.throttle = throttle;
        this.successes = counter(registry, "success");
        this.failures = counter(registry, "failure");
        this.throttled = counter(registry, "throttled");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("sync.operator.authentications")
                .description("Operator sign-ins and HTTP Basic authentications by outcome")
                .tag("outcome", outcome)
                .register(registry);
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
            throttled.increment();
            throw new SignInThrottledException(retryAfter);
        }
        Operators.Check check = operators.check(email, password);
        if (check.operator() == null) {
            throttle.recordFailure(address, email, check.operatorEmail());
            failures.increment();
            throw new BadCredentialsException("Wrong email or password");
        }
        successes.increment();
        return UsernamePasswordAuthenticationToken.authenticated(
                check.operator(), null, List.of(new SimpleGrantedAuthority(OperatorPrincipal.AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
