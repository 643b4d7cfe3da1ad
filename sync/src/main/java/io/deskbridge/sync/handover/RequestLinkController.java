package io.deskbridge.sync.handover;

import io.deskbridge.sync.handover.RequestLinkJson.NewRequestLinkBody;
import io.deskbridge.sync.handover.RequestLinkJson.OAuthClientFields;
import io.deskbridge.sync.handover.RequestLinkJson.RequestLinkBody;
import io.deskbridge.sync.handover.RequestLinkJson.RequestLinkListBody;
import io.deskbridge.sync.operator.OperatorPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/connections/{id}/request-links}: create a link (its URL is in this response only) and
 * list a connection's links with their status.
 */
@RestController
@Tag(
        name = "Request links",
        description = "One-time links through which a Zendesk admin hands over an API token or OAuth client.")
class RequestLinkController {

    private final RequestLinks links;
    private final HandoverProperties properties;

    RequestLinkController(RequestLinks links, HandoverProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    @PostMapping("/api/connections/{id}/request-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a credential request link",
            description = "A single-use link for the Zendesk admin; it replaces (revokes) the connection's open "
                    + "link. The URL is in this response only (sent with Cache-Control: no-store). With an "
                    + "`oauth_client`, the link's page also offers \"Connect with Zendesk\" (authorization code "
                    + "with PKCE) for that client; register `<public URL>/handover/oauth/callback` as its redirect "
                    + "URL.")
    @ApiResponse(responseCode = "201", description = "Created; `url` is the link to send")
    ResponseEntity<RequestLinkBody> create(
            @PathVariable long id,
            @RequestBody(required = false) NewRequestLinkBody body,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest http) {
        OAuthClientFields client = body == null ? null : body.oauthClient();
        IssuedRequestLink issued = links.create(
                id,
                client == null ? null : new LinkOAuthClient(client.identifier(), client.secret(), client.scope()),
                operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT)));
        RequestLinkJson json = RequestLinkJson.of(
                issued.link(),
                links.now(),
                LinkUrls.of(issued.token(), properties),
                links.oauthClientId(issued.link().id()).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new RequestLinkBody(json));
    }

    @GetMapping("/api/connections/{id}/request-links")
    @Operation(summary = "List a connection's request links", description = "Newest first, with their status; no URLs.")
    RequestLinkListBody list(@PathVariable long id) {
        Instant now = links.now();
        return new RequestLinkListBody(links.forConnection(id).stream()
                .map(link -> RequestLinkJson.of(
                        link, now, null, links.oauthClientId(link.id()).orElse(null)))
                .toList());
    }
}
