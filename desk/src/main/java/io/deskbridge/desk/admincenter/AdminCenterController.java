package io.deskbridge.desk.admincenter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The Admin Center shell: sign-in, home, and the page shown to signed-in users who are not admins. */
@Controller
class AdminCenterController {

    /** The sign-in form; after a wrong password it keeps the email that was typed. */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute(
                "email",
                request.getParameter("error") == null
                        ? ""
                        : RememberedSignInEmail.read(request).orElse(""));
        return "admincenter/login";
    }

    @GetMapping({"/", "/admin"})
    String home() {
        return "admincenter/home";
    }

    /** Any method: Spring Security forwards refused POSTs (a missing CSRF token) here too. */
    @RequestMapping("/access-denied")
    String accessDenied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "admincenter/access-denied";
    }
}
