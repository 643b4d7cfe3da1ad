package io.deskbridge.sync.hint;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.operator.OperatorPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook hint endpoint (anonymous, authenticated by the webhook's signature) and the operator's
 * API for the connection's hint secret.
 */
@RestController
@Tag(
        name = HintController.TAG,
        description = "Point a Zendesk webhook (ticket events) at POST /hooks/zendesk/{id} and store its signing"
                + " secret here: each signed call makes sync run the connection's ticket and comment streams as soon"
                + " as the change can be exported (sync.engine.export-freshness + 1 s), so rules act within seconds."
                + " Hints carry no data sync trusts and coalesce.")
class HintController {

    static final String TAG = "Webhook hints";
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final String SECRET = "/api/connections/{id}/hint-secret";

    private final HintSecrets secrets;

    HintController(HintSecrets secrets) {
        this.secrets = secrets;
    }

    /** {@code {"signing_secret": "..."}}. */
    record HintSecretRequest(String signingSecret) {}

    /** {@code {"hint_secret": {...}}}: whether one is stored, and where the webhook should point. */
    record HintSecretBody(HintSecretState hintSecret) {}

    record HintSecretState(long connectionId, boolean configured, String endpointPath) {
        static HintSecretState of(long connectionId, boolean configured) {
            return new HintSecretState(connectionId, configured, "/hooks/zendesk/" + connectionId);
        }
    }

    @PostMapping("/hooks/zendesk/{id}")
    @Operation(
            summary = "Receive a webhook hint",
            description = "No operator sign-in: X-Zendesk-Webhook-Signature must be base64(HMAC-SHA256(hint secret,"
                    + " X-Zendesk-Webhook-Signature-Timestamp + raw body)), the timestamp within 5 minutes of sync's"
                    + " clock. The body (at most 256 KiB) is not read beyond the signature.")
    @ApiResponse(responseCode = "202", description = "Accepted: the ticket runs are brought forward")
    @ApiResponse(responseCode = "401", description = "Missing, wrong or stale signature")
    @ApiResponse(responseCode = "404", description = "No such connection, or it has no hint secret")
    @ApiResponse(responseCode = "413", description = "Body over 256 KiB")
    ResponseEntity<Void> hint(
            @PathVariable long id,
            @RequestHeader(name = "X-Zendesk-Webhook-Signature-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Zendesk-Webhook-Signature", required = false) String signature,
            HttpServletRequest request)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new HintTooLargeException();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new HintTooLargeException();
        }
        secrets.accept(id, timestamp, signature, body);
        return ResponseEntity.accepted().build();
    }

    @GetMapping(SECRET)
    @Operation(summary = "Whether the connection has a hint secret", description = "The secret is never returned.")
    @ApiResponse(responseCode = "200", description = "The hint secret's state")
    @ApiResponse(responseCode = "404", description = "No such connection")
    HintSecretBody get(@PathVariable long id) {
        return new HintSecretBody(HintSecretState.of(id, secrets.configured(id)));
    }

    @PutMapping(SECRET)
    @Operation(
            summary = "Store the hint secret",
            description =
                    "The signing secret of the Zendesk webhook that points at /hooks/zendesk/{id} (Zendesk:"
                            + " GET /api/v2/webhooks/{webhook_id}/signing_secret). Sealed by the vault; replaces an earlier one.")
    @ApiResponse(responseCode = "200", description = "Stored")
    @ApiResponse(responseCode = "404", description = "No such connection")
    @ApiResponse(responseCode = "422", description = "Missing, too short (under 16) or too long (over 512)")
    HintSecretBody put(
            @PathVariable long id,
            @RequestBody(required = false) HintSecretRequest body,
            @AuthenticationPrincipal OperatorPrincipal operator,
            HttpServletRequest http) {
        secrets.set(id, body == null ? null : body.signingSecret(), actor(operator, http));
        return new HintSecretBody(HintSecretState.of(id, true));
    }

    @DeleteMapping(SECRET)
    @Operation(
            summary = "Remove the hint secret",
            description = "Hints to this connection are answered 404 from now on.")
    @ApiResponse(responseCode = "200", description = "Removed (or there was none)")
    @ApiResponse(responseCode = "404", description = "No such connection")
    HintSecretBody delete(
            @PathVariable long id, @AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest http) {
        secrets.remove(id, actor(operator, http));
        return new HintSecretBody(HintSecretState.of(id, false));
    }

    private static Actor actor(OperatorPrincipal operator, HttpServletRequest http) {
        return operator.asActor(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
    }
}
