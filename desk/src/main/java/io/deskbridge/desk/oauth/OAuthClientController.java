package io.deskbridge.desk.oauth;

import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/oauth/clients}: Zendesk's list, show, create, update, delete and generate_secret, for admins. */
@RestController
class OAuthClientController {

    private final OAuthClients clients;

    OAuthClientController(OAuthClients clients) {
        this.clients = clients;
    }

    @GetMapping("/api/v2/oauth/clients")
    OAuthClientJson.Many list() {
        String base = base();
        var all = clients.list().stream()
                .map(c -> OAuthClientJson.of(c, base, null))
                .toList();
        return new OAuthClientJson.Many(all, null, null, all.size());
    }

    @GetMapping("/api/v2/oauth/clients/{id}")
    OAuthClientJson.One show(@PathVariable long id) {
        return new OAuthClientJson.One(OAuthClientJson.of(clients.get(id), base(), null));
    }

    @PostMapping("/api/v2/oauth/clients")
    ResponseEntity<OAuthClientJson.One> create(
            @RequestBody OAuthClientJson.Body body,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest http) {
        IssuedClient issued = clients.create(caller.asActor(http.getRemoteAddr()), caller.userId(), request(body));
        String base = base();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(
                        "Location",
                        base + "/api/v2/oauth/clients/" + issued.client().id() + ".json")
                .body(new OAuthClientJson.One(OAuthClientJson.of(issued.client(), base, issued.secret())));
    }

    @PutMapping("/api/v2/oauth/clients/{id}")
    OAuthClientJson.One update(
            @PathVariable long id,
            @RequestBody OAuthClientJson.Body body,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest http) {
        OAuthClient updated = clients.update(caller.asActor(http.getRemoteAddr()), id, request(body));
        return new OAuthClientJson.One(OAuthClientJson.of(updated, base(), null));
    }

    @PutMapping("/api/v2/oauth/clients/{id}/generate_secret")
    OAuthClientJson.One generateSecret(
            @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        IssuedClient issued = clients.generateSecret(caller.asActor(http.getRemoteAddr()), id);
        return new OAuthClientJson.One(OAuthClientJson.of(issued.client(), base(), issued.secret()));
    }

    @DeleteMapping("/api/v2/oauth/clients/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        clients.delete(caller.asActor(http.getRemoteAddr()), id);
        return ResponseEntity.noContent().build();
    }

    private static OAuthClientRequest request(OAuthClientJson.Body body) {
        OAuthClientJson.Fields f = body == null || body.client() == null
                ? new OAuthClientJson.Fields(null, null, null, null, null, null)
                : body.client();
        OAuthClientKind kind = null;
        if (f.kind() != null) {
            kind = OAuthClientKind.fromWireName(f.kind())
                    .orElseThrow(() -> OAuthClientInvalidException.invalid(
                            "kind", "Kind: \"" + f.kind() + "\" is not one of confidential, public"));
        }
        return new OAuthClientRequest(f.name(), f.identifier(), f.company(), f.description(), kind, f.redirectUri());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
