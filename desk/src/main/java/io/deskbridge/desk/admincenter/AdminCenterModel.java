package io.deskbridge.desk.admincenter;

import io.deskbridge.desk.user.DeskPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user ({@code me}) into every Admin Center page's model for the header. */
@ControllerAdvice(annotations = Controller.class)
class AdminCenterModel {

    @ModelAttribute("me")
    DeskPrincipal me(@AuthenticationPrincipal DeskPrincipal principal) {
        return principal;
    }
}
