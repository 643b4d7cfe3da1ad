package io.deskbridge.desk.oauth;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin Center → Apps and integrations → APIs → OAuth clients: the list with the token-lifetime
 * policy, "Add OAuth client", the one-time display of a secret, and per client: its live tokens
 * (revocable), a new secret, delete.
 */
@Controller
class OAuthClientsPage {

    static final String PATH = "/admin/apps-integrations/apis/oauth-clients";
    private static final String ISSUED_SECRET = "issuedSecret";

    private final OAuthClients clients;
    private final OAuthTokens tokens;
    private final OAuthPolicy policy;

    OAuthClientsPage(OAuthClients clients, OAuthTokens tokens, OAuthPolicy policy) {
        this.clients = clients;
        this.tokens = tokens;
        this.policy = policy;
    }

    /** Fields of "Add OAuth client"; redirect URLs one per line. */
    record ClientForm(
            String name, String identifier, String company, String description, String kind, String redirectUris) {}

    /** The lifetime policy form, in seconds. */
    record PolicyForm(int accessDefault, int accessMax, int refreshDefault, int refreshMax) {}

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("clients", clients.list());
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", policy.current());
        }
        return "oauth/clients";
    }

    @PostMapping(PATH + "/policy")
    String savePolicy(
            @ModelAttribute PolicyForm form,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        OAuthLifetimes wanted =
                new OAuthLifetimes(form.accessDefault(), form.accessMax(), form.refreshDefault(), form.refreshMax());
        try {
            policy.update(admin.asActor(request.getRemoteAddr()), wanted);
        } catch (RecordInvalidException e) {
            model.addAttribute("errors", e.details());
            model.addAttribute("policy", wanted);
            model.addAttribute("clients", clients.list());
            return "oauth/clients";
        }
        redirect.addFlashAttribute("notice", "Token lifetimes saved.");
        return "redirect:" + PATH;
    }

    @GetMapping(PATH + "/new")
    String newClient(Model model) {
        model.addAttribute("form", new ClientForm("", "", "", "", "confidential", ""));
        return "oauth/new-client";
    }

    @PostMapping(PATH)
    String create(
            @ModelAttribute("form") ClientForm form,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            IssuedClient issued = clients.create(
                    admin.asActor(request.getRemoteAddr()),
                    admin.userId(),
                    new OAuthClientRequest(
                            form.name(),
                            form.identifier(),
                            form.company(),
                            form.description(),
                            OAuthClientKind.fromWireName(form.kind()).orElse(OAuthClientKind.CONFIDENTIAL),
                            lines(form.redirectUris())));
            redirect.addFlashAttribute(ISSUED_SECRET, issued.secret());
            redirect.addFlashAttribute("notice", "OAuth client added.");
            return "redirect:" + PATH + "/" + issued.client().id();
        } catch (RecordInvalidException e) {
            model.addAttribute("errors", e.details());
            return "oauth/new-client";
        }
    }

    /** The client; a just-issued secret arrives as a flash attribute and is gone on reload. */
    @GetMapping(PATH + "/{id}")
    String show(@PathVariable long id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        OAuthClient client = clients.get(id);
        model.addAttribute("client", client);
        model.addAttribute("tokens", tokens.list(null, id));
        return "oauth/client";
    }

    @PostMapping(PATH + "/{id}/secret")
    String newSecret(
            @PathVariable long id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            IssuedClient issued = clients.generateSecret(admin.asActor(request.getRemoteAddr()), id);
            redirect.addFlashAttribute(ISSUED_SECRET, issued.secret());
            redirect.addFlashAttribute("notice", "New secret generated; the old one no longer works.");
        } catch (RecordInvalidException e) {
            redirect.addFlashAttribute("notice", "Public clients have no secret.");
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(
            @PathVariable long id,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        clients.delete(admin.asActor(request.getRemoteAddr()), id);
        redirect.addFlashAttribute("notice", "OAuth client deleted; its tokens no longer work.");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{id}/tokens/{tokenId}/revoke")
    String revoke(
            @PathVariable long id,
            @PathVariable long tokenId,
            @AuthenticationPrincipal DeskPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (tokens.get(tokenId).filter(t -> t.clientId() == id).isPresent()) {
            tokens.revoke(admin.asActor(request.getRemoteAddr()), tokenId);
            redirect.addFlashAttribute("notice", "Token revoked.");
        }
        return "redirect:" + PATH + "/" + id;
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
