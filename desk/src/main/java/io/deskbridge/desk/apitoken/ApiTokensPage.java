package io.deskbridge.desk.apitoken;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessSettings;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin Center → Apps and integrations → APIs → API tokens: the list, "Add API token", the one-time
 * display of a new value, and per-token actions.
 */
@Controller
class ApiTokensPage {

    static final String PATH = "/admin/apps-integrations/apis/tokens";
    private static final String ISSUED_VALUE = "issuedValue";
    private static final String ROTATED = "rotated";

    private final ApiTokens tokens;
    private final ApiAccessPolicy policy;
    private final Clock clock;

    ApiTokensPage(ApiTokens tokens, ApiAccessPolicy policy, Clock clock) {
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    /** Form fields of "Add API token". */
    record TokenForm(String description, String expiry, String expiresOn, String scope, String authenticatesAs) {}

    @ModelAttribute("settings")
    ApiAccessSettings settings() {
        return policy.current();
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        return "apitoken/list";
    }

    @GetMapping(PATH + "/new")
    String newToken(Model model) {
        model.addAttribute("form", new TokenForm("", defaultPreset(policy.current()), "", "full", "owner"));
        model.addAttribute("presets", presets(policy.current()));
        return "apitoken/new";
    }

    @PostMapping(PATH)
    String create(
            @ModelAttribute("form") TokenForm form,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            NewApiToken command = new NewApiToken(
                    form.description(),
                    TokenScope.fromWireName(form.scope()).orElse(TokenScope.FULL),
                    AuthenticatesAs.fromWireName(form.authenticatesAs()).orElse(AuthenticatesAs.OWNER_ONLY),
                    expiresAt(form),
                    "never".equals(form.expiry()));
            IssuedToken issued = tokens.create(admin.asActor(request.getRemoteAddr()), admin.userId(), command);
            redirect.addFlashAttribute(ISSUED_VALUE, issued.value());
            return "redirect:" + PATH + "/" + issued.token().id() + "/issued";
        } catch (RecordInvalidException e) {
            model.addAttribute("errors", e.details());
            model.addAttribute("presets", presets(policy.current()));
            return "apitoken/new";
        }
    }

    /** Shows the value once (it arrives as a flash attribute, gone on reload), then the masked form. */
    @GetMapping(PATH + "/{id}/issued")
    String issued(@PathVariable long id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("token", tokens.get(id));
        return "apitoken/issued";
    }

    @GetMapping(PATH + "/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("token", tokens.get(id));
        return "apitoken/edit";
    }

    @PostMapping(PATH + "/{id}/description")
    String describe(
            @PathVariable long id,
            @RequestParam String description,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            tokens.updateDescription(admin.asActor(request.getRemoteAddr()), id, description);
        } catch (RecordInvalidException e) {
            model.addAttribute("token", tokens.get(id));
            model.addAttribute("errors", e.details());
            return "apitoken/edit";
        }
        redirect.addFlashAttribute("notice", "Description saved.");
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/deactivate")
    String deactivate(
            @PathVariable long id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        tokens.deactivate(admin.asActor(request.getRemoteAddr()), id);
        redirect.addFlashAttribute("notice", "Token deactivated: it no longer authenticates.");
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/reactivate")
    String reactivate(
            @PathVariable long id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            tokens.reactivate(admin.asActor(request.getRemoteAddr()), id);
        } catch (RecordInvalidException e) {
            model.addAttribute("token", tokens.get(id));
            model.addAttribute("errors", e.details());
            return "apitoken/edit";
        }
        redirect.addFlashAttribute("notice", "Token reactivated.");
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(
            @PathVariable long id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        tokens.delete(admin.asActor(request.getRemoteAddr()), id);
        redirect.addFlashAttribute("notice", "Token deleted.");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{id}/rotate")
    String rotate(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long graceHours,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            IssuedToken issued =
                    tokens.rotate(admin.asActor(request.getRemoteAddr()), id, Duration.ofHours(graceHours));
            redirect.addFlashAttribute(ISSUED_VALUE, issued.value());
            // The page then says "rotated" and when the old value stops (or that it stopped at once).
            redirect.addFlashAttribute(ROTATED, true);
            return "redirect:" + PATH + "/" + id + "/issued";
        } catch (RecordInvalidException e) {
            model.addAttribute("token", tokens.get(id));
            model.addAttribute("errors", e.details());
            return "apitoken/edit";
        }
    }

    private Instant expiresAt(TokenForm form) {
        String expiry = form.expiry() == null ? "" : form.expiry();
        switch (expiry) {
            case "never":
                return null;
            case "date":
                try {
                    // The end of the chosen day, UTC.
                    return LocalDate.parse(form.expiresOn())
                            .plusDays(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .minusSeconds(1);
                } catch (DateTimeParseException | NullPointerException e) {
                    throw ApiTokenRefusedException.expiry("pick a date for \"On a date\"");
                }
            default:
                try {
                    return clock.instant().plus(Duration.ofDays(Integer.parseInt(expiry)));
                } catch (NumberFormatException e) {
                    throw ApiTokenRefusedException.expiry("choose when the token expires");
                }
        }
    }

    /** The presets the policy allows, in days. */
    static List<Integer> presets(ApiAccessSettings settings) {
        return List.of(30, 90, 365).stream()
                .filter(days -> settings.allowsNeverExpiringTokens() || days <= settings.tokenMaxLifetimeDays())
                .toList();
    }

    private static String defaultPreset(ApiAccessSettings settings) {
        List<Integer> presets = presets(settings);
        return presets.contains(90)
                ? "90"
                : presets.isEmpty() ? "date" : String.valueOf(presets.get(presets.size() - 1));
    }
}
