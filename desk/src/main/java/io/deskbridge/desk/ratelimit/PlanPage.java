package io.deskbridge.desk.ratelimit;

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

/** Admin Center → Account → Plan and API limits. */
@Controller
class PlanPage {

    static final String PATH = "/admin/account/plan";

    private final ApiLimits limits;
    private final RateLimiter limiter;
    private final RateLimitProperties properties;

    PlanPage(ApiLimits limits, RateLimiter limiter, RateLimitProperties properties) {
        this.limits = limits;
        this.limiter = limiter;
        this.properties = properties;
    }

    @GetMapping(PATH)
    String show(Model model) {
        return page(model, limits.current());
    }

    @PostMapping(PATH)
    String save(
            @RequestParam(name = "plan") String plan,
            @RequestParam(name = "highVolume", defaultValue = "false") boolean highVolume,
            @RequestParam(name = "sandbox", defaultValue = "false") boolean sandbox,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            Plan chosen = Plan.fromWireName(plan)
                    .orElseThrow(() -> new RecordInvalidException(
                            "name",
                            "InvalidValue",
                            "Plan: \"" + plan + "\" is not one of " + String.join(", ", Plan.wireNames())));
            limits.update(admin.asActor(request.getRemoteAddr()), new PlanUpdate(chosen, highVolume, sandbox));
        } catch (RecordInvalidException e) {
            model.addAttribute("errors", e.details());
            return page(model, limits.current());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + PATH;
    }

    private String page(Model model, PlanLimits current) {
        model.addAttribute("limits", current);
        model.addAttribute("plans", Plan.values());
        model.addAttribute("shared", limiter.shared());
        model.addAttribute("countedIn", limiter.where());
        model.addAttribute("reportOnly", !properties.enforce());
        model.addAttribute("highVolumeRequests", Plan.HIGH_VOLUME_REQUESTS_PER_MINUTE);
        model.addAttribute("highVolumeExports", Plan.HIGH_VOLUME_EXPORTS_PER_MINUTE);
        model.addAttribute("exports", Plan.EXPORTS_PER_MINUTE);
        model.addAttribute("sandboxFreshness", PlanLimits.EXPORT_FRESHNESS_SANDBOX_SECONDS);
        model.addAttribute("freshness", PlanLimits.EXPORT_FRESHNESS_SECONDS);
        return "ratelimit/plan";
    }
}
