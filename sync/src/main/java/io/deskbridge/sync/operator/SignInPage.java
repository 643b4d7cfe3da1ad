package io.deskbridge.sync.operator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's sign-in form; Spring Security handles the post. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String show() {
        return "operator/login";
    }
}
