package io.deskbridge.desk.admincenter;

import io.deskbridge.common.security.PasswordPolicy;
import io.deskbridge.desk.apiauth.FailedAuthThrottle;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in admin's own password change ({@code /admin/password}; issue 10, item 5). A wrong
 * current password counts against the address's failed-authentication budget, like a wrong sign-in.
 * A change ends every session of the user, this one too: the user signs in again with the new
 * password.
 */
@Controller
class PasswordPage {

    static final String PATH = "/admin/password";

    private final Users users;
    private final FailedAuthThrottle throttle;

    PasswordPage(Users users, FailedAuthThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @GetMapping(PATH)
    String show(Model model) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "admincenter/password";
    }

    @PostMapping(PATH)
    String change(
            @AuthenticationPrincipal DeskPrincipal me,
            @RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String next,
            @RequestParam(name = "confirm_password", defaultValue = "") String confirm,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws ServletException {
        String address = request.getRemoteAddr();
        long retryAfter = throttle.retryAfterSeconds(address, me.email());
        Optional<String> problem;
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            problem = Optional.of(
                    "Too many failed sign-ins from your address or as you. Try again in " + retryAfter + " seconds.");
        } else if (!next.equals(confirm)) {
            problem = Optional.of("The new password and its confirmation differ.");
        } else {
            problem = users.changePassword(me.userId(), current, next, me.asActor(address));
            if (Users.isWrongCurrentPassword(problem)) {
                throttle.recordFailure(address, me.email());
            }
        }
        if (problem.isEmpty()) {
            request.logout();
            return "redirect:/login?password-changed";
        }
        response.setStatus(retryAfter > 0 ? 429 : 422);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("problem", problem.get());
        return "admincenter/password";
    }
}
