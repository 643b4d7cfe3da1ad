package io.deskbridge.desk.oauth;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization step of the code flow: checks a request against the registered client, and turns
 * the signed-in user's decision into the redirect back to the client ({@code code} and {@code state},
 * or {@code error=access_denied}).
 *
 * <p>Rules: {@code response_type=code} only; {@code redirect_uri} must equal a registered one exactly
 * (it may be left out when the client has exactly one); {@code scope} is required; PKCE with
 * {@code code_challenge_method=S256} is required for public clients and honoured for confidential
 * ones ({@code plain} is refused). Any signed-in, active desk user may approve; the token then acts as
 * that user with that user's role, limited by the scopes.
 */
@Service
public class OAuthAuthorizations {

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final OAuthClients clients;
    private final OAuthTokens tokens;
    private final AuditLog audit;

    OAuthAuthorizations(OAuthClients clients, OAuthTokens tokens, AuditLog audit) {
        this.clients = clients;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** A request that passed every check: what the consent page shows and approval uses. */
    record Checked(OAuthClient client, String redirectUri, OAuthScopes scopes, String state, String codeChallenge) {}

    Checked check(AuthorizationRequest r) {
        OAuthClient client = clients.findByIdentifier(r.clientId())
                .orElseThrow(() -> AuthorizationRefusedException.shownToUser(
                        "No OAuth client has the identifier given as client_id. Ask the application's developer "
                                + "to check it against Admin Center → Apps and integrations → APIs → OAuth clients."));
        String redirectUri = r.redirectUri();
        if (redirectUri == null || redirectUri.isEmpty()) {
            if (client.redirectUris().size() != 1) {
                throw AuthorizationRefusedException.shownToUser(
                        "redirect_uri is missing and the client does not have exactly one registered redirect URL");
            }
            redirectUri = client.redirectUris().get(0);
        } else if (!client.redirectUris().contains(redirectUri)) {
            throw AuthorizationRefusedException.shownToUser("The redirect_uri is not one of the redirect URLs "
                    + "registered for this client; they must match exactly");
        }
        String state = r.state();
        if (!"code".equals(r.responseType())) {
            throw new AuthorizationRefusedException(
                    "unsupported_response_type", "response_type must be code", redirectUri, state);
        }
        OAuthScopes scopes;
        try {
            scopes = OAuthScopes.parse(r.scope());
        } catch (OAuthException e) {
            throw new AuthorizationRefusedException("invalid_scope", e.description(), redirectUri, state);
        }
        String challenge = r.codeChallenge() == null || r.codeChallenge().isEmpty() ? null : r.codeChallenge();
        if (challenge == null) {
            if (client.kind() == OAuthClientKind.PUBLIC) {
                throw new AuthorizationRefusedException(
                        "invalid_request",
                        "code_challenge is required: public clients must use PKCE with code_challenge_method=S256",
                        redirectUri,
                        state);
            }
        } else {
            if (!"S256".equals(r.codeChallengeMethod())) {
                throw new AuthorizationRefusedException(
                        "invalid_request", "code_challenge_method must be S256", redirectUri, state);
            }
            if (!CHALLENGE.matcher(challenge).matches()) {
                throw new AuthorizationRefusedException(
                        "invalid_request",
                        "code_challenge must be the 43-character base64url SHA-256 of the code verifier",
                        redirectUri,
                        state);
            }
        }
        return new Checked(client, redirectUri, scopes, state, challenge);
    }

    /** The user approved: a code for the client, audited. Returns where to send the browser. */
    @Transactional
    String approve(Checked checked, Actor user, long userId) {
        String code = tokens.issueCode(
                checked.client(), userId, checked.redirectUri(), checked.scopes(), checked.codeChallenge());
        audit.record(
                user,
                AuditAction.CREATE,
                "oauth_authorization.granted",
                OAuthClients.SOURCE_TYPE,
                checked.client().id(),
                checked.client().name(),
                "Authorized OAuth client " + checked.client().identifier() + " with scopes \""
                        + checked.scopes().wire() + "\"");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", checked.state());
        return withQuery(checked.redirectUri(), params);
    }

    /** The user said no: {@code error=access_denied} back to the client. */
    String deny(Checked checked, Actor user) {
        audit.record(
                user,
                AuditAction.UPDATE,
                "oauth_authorization.denied",
                OAuthClients.SOURCE_TYPE,
                checked.client().id(),
                checked.client().name(),
                "Denied OAuth client " + checked.client().identifier() + " the scopes \""
                        + checked.scopes().wire() + "\"");
        return errorRedirect("access_denied", "The user denied the request", checked.redirectUri(), checked.state());
    }

    static String errorRedirect(String error, String description, String redirectUri, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        return withQuery(redirectUri, params);
    }

    private static String withQuery(String uri, Map<String, String> params) {
        StringBuilder url = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            url.append(separator)
                    .append(p.getKey())
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
