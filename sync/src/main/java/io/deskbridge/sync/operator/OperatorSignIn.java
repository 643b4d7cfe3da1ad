package io.deskbridge.sync.operator;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Email + password, from the sign-in form or HTTP Basic: authenticates as an {@link OperatorPrincipal}. */
@Component
public class OperatorSignIn implements AuthenticationProvider {

    private final Operators operators;

    OperatorSignIn(Operators operators) {
        this.operators = operators;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OperatorPrincipal operator = operators
                .authenticate(
                        String.valueOf(authentication.getPrincipal()), String.valueOf(authentication.getCredentials()))
                .orElseThrow(() -> new BadCredentialsException("Wrong email or password"));
        return UsernamePasswordAuthenticationToken.authenticated(
                operator, null, List.of(new SimpleGrantedAuthority(OperatorPrincipal.AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
