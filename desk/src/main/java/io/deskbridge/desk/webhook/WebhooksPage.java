package io.deskbridge.desk.webhook;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.webhook.WebhookChanges.AuthenticationChange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin Center → Apps and integrations → Webhooks: every webhook with its status and failure
 * streak, and per webhook its invocation log (status, attempts, latency, error), newest first; create,
 * edit, activate/deactivate, delete, and reveal the signing secret — through the same {@link Webhooks}
 * service (validation, address policy, audit) as {@code /api/v2/webhooks}.
 */
@Controller
class WebhooksPage {

    static final String PATH = "/admin/apps-integrations/webhooks";
    static final int LIST_LIMIT = 500;
    static final int LOG_LIMIT = 100;

    private final Webhooks webhooks;

    WebhooksPage(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute(
                "webhooks", webhooks.page(WebhookFilter.ALL, PageQuery.offset(KeysetSort.byId(false), 0, LIST_LIMIT)));
        model.addAttribute("allowPrivateTargets", webhooks.allowsPrivateTargets());
        return "webhook/list";
    }

    /**
     * The create/edit form. {@code subscriptions} lists the chosen event types; {@code authCredential}
     * left blank on edit keeps the stored credential (it is never shown back).
     */
    record WebhookForm(
            String name,
            String description,
            String endpoint,
            String httpMethod,
            List<String> subscriptions,
            String authType,
            String authPublic,
            String authCredential) {

        static WebhookForm blank() {
            return new WebhookForm("", "", "https://", "POST", List.of(), "none", "", "");
        }

        static WebhookForm of(Webhook w) {
            return new WebhookForm(
                    w.name(),
                    w.description() == null ? "" : w.description(),
                    w.endpoint(),
                    w.httpMethod(),
                    w.subscriptions(),
                    w.authentication() == null
                            ? "none"
                            : w.authentication().type().wireName(),
                    w.authentication() == null || w.authentication().publicPart() == null
                            ? ""
                            : w.authentication().publicPart(),
                    "");
        }

        WebhookChanges changes(boolean creating) {
            return new WebhookChanges(
                    name,
                    description,
                    creating ? WebhookStatus.ACTIVE : null,
                    endpoint,
                    httpMethod,
                    "json",
                    subscriptions == null ? List.of() : subscriptions,
                    creating ? Map.of() : null,
                    authentication(creating),
                    null);
        }

        private AuthenticationChange authentication(boolean creating) {
            if (authType == null || authType.isBlank() || "none".equals(authType)) {
                return creating ? null : AuthenticationChange.REMOVE;
            }
            AuthenticationType type = AuthenticationType.fromWireName(authType)
                    .orElseThrow(() ->
                            WebhookInvalidException.field("authentication.type", "choose one of the listed kinds"));
            String publicPart = type == AuthenticationType.BEARER_TOKEN || authPublic == null || authPublic.isBlank()
                    ? null
                    : authPublic.strip();
            String credential = authCredential == null || authCredential.isEmpty() ? null : authCredential;
            return new AuthenticationChange(type, WebhookAuthentication.HEADER, publicPart, credential);
        }
    }

    @GetMapping(PATH + "/new")
    String newWebhook(Model model) {
        return form(model, WebhookForm.blank(), null);
    }

    @PostMapping(PATH)
    String create(
            @ModelAttribute("form") WebhookForm form,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            Webhook created = webhooks.create(admin.asActor(request.getRemoteAddr()), form.changes(true));
            redirect.addFlashAttribute(
                    "notice", "Webhook created. Reveal its signing secret below to verify deliveries.");
            return "redirect:" + PATH + "/" + created.id();
        } catch (RecordInvalidException e) {
            model.addAttribute("errors", e.details());
            return form(model, form, null);
        }
    }

    @GetMapping(PATH + "/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Webhook webhook = webhooks.get(WebhookController.parseId(id));
        return form(model, WebhookForm.of(webhook), webhook);
    }

    @PostMapping(PATH + "/{id}")
    String update(
            @PathVariable String id,
            @ModelAttribute("form") WebhookForm form,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        long webhookId = WebhookController.parseId(id);
        try {
            webhooks.update(admin.asActor(request.getRemoteAddr()), webhookId, form.changes(false));
        } catch (RecordInvalidException e) {
            model.addAttribute("errors", e.details());
            return form(model, form, webhooks.get(webhookId));
        }
        redirect.addFlashAttribute("notice", "Webhook saved.");
        return "redirect:" + PATH + "/" + webhookId;
    }

    @PostMapping(PATH + "/{id}/activate")
    String activate(
            @PathVariable String id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return setStatus(id, WebhookStatus.ACTIVE, "Webhook activated.", admin, request, redirect);
    }

    @PostMapping(PATH + "/{id}/deactivate")
    String deactivate(
            @PathVariable String id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return setStatus(
                id,
                WebhookStatus.INACTIVE,
                "Webhook deactivated: it receives no events until activated.",
                admin,
                request,
                redirect);
    }

    private String setStatus(
            String id,
            WebhookStatus status,
            String notice,
            DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        long webhookId = WebhookController.parseId(id);
        webhooks.update(
                admin.asActor(request.getRemoteAddr()),
                webhookId,
                new WebhookChanges(null, null, status, null, null, null, null, null, null, null));
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + PATH + "/" + webhookId;
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(
            @PathVariable String id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        webhooks.delete(admin.asActor(request.getRemoteAddr()), WebhookController.parseId(id));
        redirect.addFlashAttribute("notice", "Webhook deleted.");
        return "redirect:" + PATH;
    }

    /** Shows the signing secret on this one response (a POST, never cached), as Zendesk's "Reveal". */
    @PostMapping(PATH + "/{id}/signing-secret")
    String revealSecret(@PathVariable String id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("signingSecret", webhooks.signingSecret(WebhookController.parseId(id)));
        return show(id, model);
    }

    private static String form(Model model, WebhookForm form, Webhook existing) {
        List<String> events = new ArrayList<>(TicketEventType.wireNames());
        events.add(TicketEventType.CONDITIONAL_TICKET_EVENTS);
        model.addAttribute("form", form);
        model.addAttribute("webhook", existing);
        model.addAttribute("eventTypes", events);
        model.addAttribute("authTypes", AuthenticationType.values());
        return "webhook/form";
    }

    @GetMapping(PATH + "/{id}")
    String show(@PathVariable String id, Model model) {
        long webhookId = WebhookController.parseId(id);
        List<WebhookInvocation> invocations =
                webhooks.invocations(webhookId, PageQuery.offset(KeysetSort.byId(true), 0, LOG_LIMIT));
        model.addAttribute("webhook", webhooks.get(webhookId));
        model.addAttribute("invocations", invocations);
        model.addAttribute(
                "attempts",
                webhooks.attempts(
                        invocations.stream().map(WebhookInvocation::id).toList()));
        model.addAttribute("total", webhooks.countInvocations(webhookId));
        return "webhook/detail";
    }
}
