package io.deskbridge.desk.user;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v2/users/me}: the caller, or Zendesk's anonymous user for a caller without
 * credentials (wrong credentials never get here: they are refused with 401 first).
 */
@RestController
class MeController {

    private final Users users;
    private final ObjectMapper json;

    MeController(Users users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @GetMapping("/api/v2/users/me")
    Map<String, Object> me(Authentication authentication, CsrfToken csrf) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        if (authentication == null || !(authentication.getPrincipal() instanceof DeskPrincipal principal)) {
            return Map.of("user", UserJson.anonymous());
        }
        UserAccount user =
                users.findById(principal.userId()).orElseThrow(() -> UserNotFoundException.forId(principal.userId()));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>(json.convertValue(UserJson.of(user, base), Map.class));
        if (principal.via() == DeskPrincipal.Via.SESSION && csrf != null) {
            // As in Zendesk: a browser session learns the CSRF token it must send on writes here.
            body.put("authenticity_token", csrf.getToken());
        }
        return Map.of("user", body);
    }
}
