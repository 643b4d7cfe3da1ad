package io.deskbridge.desk.ratelimit;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PUT /api/v2/account/plan} (admins): the plan, the High Volume API add-on and the sandbox
 * clock. {@code requests_per_minute} and {@code incremental_exports_per_minute} follow from them and
 * are read-only: a PUT ignores them, as Zendesk ignores read-only attributes.
 */
@RestController
class AccountPlanController {

    private final ApiLimits limits;

    AccountPlanController(ApiLimits limits) {
        this.limits = limits;
    }

    record PlanResponse(PlanJson plan) {}

    /** The plan; {@code requests_per_minute} and {@code incremental_exports_per_minute} follow from it. */
    record PlanJson(
            String name, boolean highVolume, boolean sandbox, int requestsPerMinute, int incrementalExportsPerMinute) {}

    @GetMapping("/api/v2/account/plan")
    PlanResponse show() {
        return body(limits.current());
    }

    @PutMapping("/api/v2/account/plan")
    PlanResponse update(
            @RequestBody JsonNode request, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        Input plan = Input.envelope(request, "plan");
        PlanUpdate update = new PlanUpdate(
                plan.oneOf("name", Plan.wireNames()).flatMap(Plan::fromWireName).orElse(null),
                plan.bool("high_volume").orElse(null),
                plan.bool("sandbox").orElse(null));
        return body(limits.update(caller.asActor(http.getRemoteAddr()), update));
    }

    private static PlanResponse body(PlanLimits limits) {
        return new PlanResponse(new PlanJson(
                limits.plan(),
                limits.highVolume(),
                limits.sandbox(),
                limits.requestsPerMinute(),
                limits.exportsPerMinute()));
    }
}
