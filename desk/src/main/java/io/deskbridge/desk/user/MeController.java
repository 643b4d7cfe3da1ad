package io.deskbridge.desk.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/v2/users/me}: the caller, or Zendesk's anonymous user for a caller without
 * credentials (wrong credentials never get here: they are refused with 401 first).
 */
@RestController
class MeController {

    private final Users users;

    MeController(Users users) {
        this.users = users;
    }

    /** {@code {"user": …}}; a browser session's user also carries its {@code authenticity_token}. */
    record MeResponse(Me user) {}

    record Me(
            @JsonUnwrapped UserJson user,
            @JsonInclude(JsonInclude.Include.NON_NULL) String authenticityToken) {}

    @GetMapping("/api/v2/users/me")
    MeResponse me(Authentication authentication, CsrfToken csrf) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        if (authentication == null || !(authentication.getPrincipal() instanceof DeskPrincipal principal)) {
            return new MeResponse(new Me(UserJson.anonymous(), null));
        }
        UserAccount user =
                users.findById(principal.userId()).orElseThrow(() -> UserNotFoundException.forId(principal.userId()));
        // As in Zendesk: a browser session learns the CSRF token it must send on writes here.
        String token = principal.via() == DeskPrincipal.Via.SESSION && csrf != null ? csrf.getToken() : null;
        return new MeResponse(new Me(UserJson.of(user, base), token));
    }
}
