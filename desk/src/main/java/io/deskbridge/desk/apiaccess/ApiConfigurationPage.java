package io.deskbridge.desk.apiaccess;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin Center → Apps and integrations → APIs → API configuration. */
@Controller
class ApiConfigurationPage {

    static final String PATH = "/admin/apps-integrations/apis/configuration";

    private final ApiAccessPolicy policy;

    ApiConfigurationPage(ApiAccessPolicy policy) {
        this.policy = policy;
    }

    @GetMapping(PATH)
    String show(Model model) {
        model.addAttribute("settings", policy.current());
        return "apiaccess/configuration";
    }

    @PostMapping(PATH)
    String save(
            @RequestParam(name = "tokenAccess", defaultValue = "false") boolean tokenAccess,
            @RequestParam(name = "passwordAccess", defaultValue = "false") boolean passwordAccess,
            @RequestParam(name = "allowNeverExpiring", defaultValue = "false") boolean allowNeverExpiring,
            @RequestParam(name = "maxLifetimeDays", required = false) Integer maxLifetimeDays,
            @RequestParam(name = "idleDays", required = false) Integer idleDays,
            @RequestParam(name = "retentionDays", required = false) Integer retentionDays,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            policy.update(
                    admin.asActor(request.getRemoteAddr()),
                    new ApiAccessUpdate(
                            tokenAccess, passwordAccess, maxLifetimeDays, allowNeverExpiring, idleDays, retentionDays));
        } catch (RecordInvalidException e) {
            model.addAttribute("settings", policy.current());
            model.addAttribute("errors", e.details());
            return "apiaccess/configuration";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + PATH;
    }
}
