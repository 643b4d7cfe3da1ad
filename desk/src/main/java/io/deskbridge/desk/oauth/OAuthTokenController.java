package io.deskbridge.desk.oauth;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v2/oauth/tokens}: list (the caller's own; admins everyone's with {@code all=true}),
 * show and revoke by id (own tokens, or any for admins; someone else's is a 404), and
 * {@code current}, the token in the request's {@code Authorization: Bearer} header.
 *
 * <p>Decision: Zendesk's {@code POST /api/v2/oauth/tokens} (tokens without a grant, never expiring)
 * is not offered: it is the kind of long-lived credential OAuth is meant to replace.
 */
@RestController
class OAuthTokenController {

    private final OAuthTokens tokens;

    OAuthTokenController(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v2/oauth/tokens")
    OAuthTokenJson.Many list(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(name = "client_id", required = false) Long clientId,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (all && !caller.isAdmin()) {
            throw new ForbiddenException("only admins may list every user's OAuth tokens");
        }
        String base = base();
        var list = tokens.list(all ? null : caller.userId(), clientId).stream()
                .map(t -> OAuthTokenJson.of(t, base))
                .toList();
        return new OAuthTokenJson.Many(list, null, null, list.size());
    }

    @GetMapping("/api/v2/oauth/tokens/current")
    OAuthTokenJson.One current(HttpServletRequest http) {
        return new OAuthTokenJson.One(OAuthTokenJson.of(currentToken(http), base()));
    }

    @DeleteMapping("/api/v2/oauth/tokens/current")
    ResponseEntity<Void> revokeCurrent(@AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        tokens.revoke(caller.asActor(http.getRemoteAddr()), currentToken(http).id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/oauth/tokens/{id}")
    OAuthTokenJson.One show(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        return new OAuthTokenJson.One(OAuthTokenJson.of(visible(id, caller), base()));
    }

    @DeleteMapping("/api/v2/oauth/tokens/{id}")
    ResponseEntity<Void> revoke(
            @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        visible(id, caller);
        tokens.revoke(caller.asActor(http.getRemoteAddr()), id);
        return ResponseEntity.noContent().build();
    }

    private OAuthToken visible(long id, DeskPrincipal caller) {
        return tokens.get(id)
                .filter(t -> caller.isAdmin() || t.userId() == caller.userId())
                .orElseThrow(() -> new RecordNotFoundException("No OAuth token with id " + id + " for this user"));
    }

    private OAuthToken currentToken(HttpServletRequest http) {
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RecordNotFoundException("tokens/current needs the request's Authorization: Bearer header");
        }
        return tokens.current(header.substring(7).trim())
                .orElseThrow(() -> new RecordNotFoundException("The Bearer token is not valid"));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
