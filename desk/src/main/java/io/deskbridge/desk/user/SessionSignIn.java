package io.deskbridge.desk.user;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Admin Center sign-in (email + password form): authenticates as a {@link DeskPrincipal}. */
@Component
public class SessionSignIn implements AuthenticationProvider {

    private final Users users;

    SessionSignIn(Users users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        UserAccount user = users.authenticate(email, password)
                .orElseThrow(() -> new BadCredentialsException("Wrong email or password"));
        users.recordLogin(user.id());
        return authenticated(DeskPrincipal.of(user, DeskPrincipal.Via.SESSION, null));
    }

    /** A fully authenticated Spring Security token for a principal, with its role authority. */
    public static UsernamePasswordAuthenticationToken authenticated(DeskPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                List.of(new SimpleGrantedAuthority(principal.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
