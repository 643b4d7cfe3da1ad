package io.deskbridge.sync.handover;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.vault.PurposeBinding;
import io.deskbridge.sync.vault.SealedSecret;
import io.deskbridge.sync.vault.SecretUnreadableException;
import io.deskbridge.sync.vault.Vault;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.ZendeskCallRefusedException;
import io.deskbridge.sync.zendesk.ZendeskHttp;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import io.deskbridge.sync.zendesk.ZendeskUnreachableException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Connect with Zendesk": OAuth's authorization code grant with PKCE (S256) against the link's
 * account, for the OAuth client the operator gave the link. {@link #start} records an attempt (the
 * state's hash, the code verifier sealed) and answers the account's consent URL; {@link #finish} takes
 * the account's answer, spends the attempt (once, within {@link #STATE_LIFETIME}), exchanges the code
 * at {@code /oauth/tokens} and hands the tokens to the link exactly as the token form does.
 *
 * <p>Decisions: the state is bound to the link in sync's database, not to a browser session, so any
 * sync instance behind the same address can take the answer; the token exchange uses Zendesk's
 * documented JSON body ({@code grant_type, code, client_id, client_secret, redirect_uri, scope,
 * code_verifier}), which desk and Zendesk both accept. No HTTP call runs inside a transaction.
 */
@Service
class ConnectWithZendesk {

    /** How long the admin has between pressing the button and coming back from the consent page. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    static final String CLIENT_PURPOSE = "request-link-oauth-client";
    static final String STATE_PURPOSE = "request-link-oauth-state";

    private static final Logger log = LoggerFactory.getLogger(ConnectWithZendesk.class);

    private final RequestLinks links;
    private final OAuthHandoverRepository repository;
    private final Vault vault;
    private final ZendeskHttp http;
    private final AuditLog audit;
    private final Clock clock;

    ConnectWithZendesk(
            RequestLinks links,
            OAuthHandoverRepository repository,
            Vault vault,
            ZendeskHttp http,
            AuditLog audit,
            Clock clock) {
        this.links = links;
        this.repository = repository;
        this.vault = vault;
        this.http = http;
        this.audit = audit;
        this.clock = clock;
    }

    static PurposeBinding clientBinding(long requestLinkId) {
        return new PurposeBinding(CLIENT_PURPOSE, requestLinkId);
    }

    static PurposeBinding stateBinding(long requestLinkId) {
        return new PurposeBinding(STATE_PURPOSE, requestLinkId);
    }

    /** Where the button leads: the account's consent page, or why not (the link is not open, or has no client). */
    record Started(LinkVisit visit, URI consentUrl) {}

    /**
     * A new attempt for the link, if it is open and has an OAuth client. Empty for an unknown link.
     *
     * @param redirectUri sync's callback, as registered on the client
     */
    Optional<Started> start(String linkToken, String redirectUri, Actor visitor) {
        Optional<LinkVisit> found = links.peek(linkToken);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LinkVisit visit = found.get();
        Optional<OAuthHandoverRepository.StoredClient> client =
                repository.client(visit.link().id());
        if (visit.status() != LinkStatus.OPEN || client.isEmpty()) {
            return Optional.of(new Started(links.visit(linkToken, visitor).orElseThrow(), null));
        }
        String state = LinkTokens.generate();
        String verifier = LinkTokens.generate() + LinkTokens.generate();
        Instant now = now();
        Instant expiresAt = now.plus(STATE_LIFETIME);
        if (expiresAt.isAfter(visit.link().expiresAt())) {
            expiresAt = visit.link().expiresAt();
        }
        SealedSecret sealed = vault.seal(
                verifier.getBytes(StandardCharsets.UTF_8),
                stateBinding(visit.link().id()));
        repository.insertState(visit.link().id(), LinkTokens.hash(state), sealed, now, expiresAt);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.get().clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", client.get().scope());
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return Optional.of(
                new Started(visit, withQuery(consentUrl(visit.connection().address()), query)));
    }

    /** The consent page of the account: Zendesk's {@code /oauth/authorizations/new}. */
    static String consentUrl(ZendeskAddress address) {
        return address.resolve("/oauth/authorizations/new").toString();
    }

    /** What went wrong on the way back; {@code status} is the page's HTTP status. */
    enum Failure {
        /** No state, or one sync never issued. */
        UNKNOWN_STATE(400),
        /** The attempt was already finished: a reload, or someone replaying the answer. */
        STATE_REUSED(409),
        STATE_EXPIRED(410),
        /** The admin chose Deny on the consent page. */
        DENIED(403),
        /** The account refused the authorization request itself (unknown client, bad redirect URL, scope). */
        AUTHORIZATION_FAILED(400),
        /** The account refused to exchange the code for tokens, or could not be reached. */
        EXCHANGE_REFUSED(502),
        /**
         * sync's master keyset no longer opens the link's sealed verifier or client secret (a key retired
         * before the secrets were re-wrapped): the operator's fix, not the admin's, so 503.
         */
        SECRETS_UNREADABLE(503);

        final int status;

        Failure(int status) {
            this.status = status;
        }
    }

    /**
     * The answer: the link's visit (received, or not open any more), or a failure with what was observed
     * ({@code detail}, safe to show) and the link it concerns (null for an unknown state).
     */
    record Finished(LinkVisit visit, Failure failure, String detail, String operator) {

        static Finished failed(Failure failure, String detail, String operator) {
            return new Finished(null, failure, detail, operator);
        }
    }

    /**
     * The account's answer at sync's callback.
     *
     * @param error the account's {@code error} parameter (access_denied, ...), or null
     */
    Finished finish(String state, String code, String error, String redirectUri, Actor visitor) {
        Optional<OAuthHandoverRepository.StoredState> found =
                state == null || state.isBlank() ? Optional.empty() : repository.state(LinkTokens.hash(state));
        if (found.isEmpty()) {
            return Finished.failed(Failure.UNKNOWN_STATE, null, null);
        }
        OAuthHandoverRepository.StoredState attempt = found.get();
        RequestLink link = links.link(attempt.requestLinkId());
        Connection connection = links.connectionOf(link);
        Instant now = now();
        if (!repository.claimState(attempt.id(), now)) {
            Instant usedAt =
                    repository.state(LinkTokens.hash(state)).orElseThrow().usedAt();
            Failure failure = usedAt != null ? Failure.STATE_REUSED : Failure.STATE_EXPIRED;
            record(
                    link,
                    connection,
                    visitor,
                    failure == Failure.STATE_REUSED
                            ? "came back with an answer whose attempt was already finished at " + usedAt
                                    + " (a reload, or someone replaying the answer)"
                            : "came back after the attempt expired at " + attempt.expiresAt());
            return Finished.failed(
                    failure, failure == Failure.STATE_REUSED ? usedAt.toString() : null, link.createdBy());
        }
        if (link.status(now) != LinkStatus.OPEN) {
            return new Finished(links.visitById(link.id(), visitor), null, null, link.createdBy());
        }
        if (error != null && !error.isBlank()) {
            String shown = error.matches("[a-z_]{1,40}") ? error : "an error";
            record(link, connection, visitor, "came back from the consent page with " + shown);
            return Finished.failed(
                    "access_denied".equals(error) ? Failure.DENIED : Failure.AUTHORIZATION_FAILED,
                    shown,
                    link.createdBy());
        }
        if (code == null || code.isBlank() || code.length() > HandoverPage.MAX_TOKEN_LENGTH) {
            record(link, connection, visitor, "came back from the consent page without an authorization code");
            return Finished.failed(Failure.AUTHORIZATION_FAILED, "no code", link.createdBy());
        }
        OAuthHandoverRepository.StoredClient client =
                repository.client(link.id()).orElseThrow();
        String verifier;
        String secret;
        try {
            verifier = new String(vault.open(attempt.verifier(), stateBinding(link.id())), StandardCharsets.UTF_8);
            secret = client.secret() == null
                    ? null
                    : new String(vault.open(client.secret(), clientBinding(link.id())), StandardCharsets.UTF_8);
        } catch (SecretUnreadableException e) {
            record(link, connection, visitor, "could not open the link's sealed secrets with sync's master keyset");
            return Finished.failed(Failure.SECRETS_UNREADABLE, null, link.createdBy());
        }
        Exchanged exchanged = exchange(connection.address(), client, secret, code, verifier, redirectUri);
        if (exchanged.credential() == null) {
            record(link, connection, visitor, "could not exchange the authorization code: " + exchanged.problem());
            return Finished.failed(Failure.EXCHANGE_REFUSED, exchanged.problem(), link.createdBy());
        }
        log.info(
                "Connect with Zendesk: request link {} received OAuth tokens for connection {}",
                link.id(),
                connection.id());
        return new Finished(links.redeemLink(link.id(), exchanged.credential(), visitor), null, null, link.createdBy());
    }

    private record Exchanged(OAuthCredential credential, String problem) {}

    /** {@code POST {account}/oauth/tokens} with the code; the problem names the fix when refused. */
    private Exchanged exchange(
            ZendeskAddress address,
            OAuthHandoverRepository.StoredClient client,
            String secret,
            String code,
            String verifier,
            String redirectUri) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("client_id", client.clientId());
        if (secret != null) {
            body.put("client_secret", secret);
        }
        body.put("redirect_uri", redirectUri);
        body.put("scope", client.scope());
        body.put("code_verifier", verifier);
        ZendeskResponse response;
        try {
            response = http.send(address, null, AuthStyle.NONE, "POST", "/oauth/tokens", body);
        } catch (ZendeskUnreachableException | ZendeskCallRefusedException e) {
            return new Exchanged(null, "sync could not reach " + address + ": " + e.getMessage());
        }
        JsonNode json = response.body();
        String access = text(json, "access_token");
        if (!response.ok() || access == null) {
            String error = text(json, "error");
            String shown = error != null && error.matches("[a-z_]{1,40}") ? " " + error : "";
            return new Exchanged(null, "HTTP " + response.status() + shown);
        }
        JsonNode expiresIn = json.get("expires_in");
        Instant expiresAt = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Instant.now(clock).plusSeconds(expiresIn.asLong())
                : null;
        return new Exchanged(
                new OAuthCredential(access, text(json, "refresh_token"), expiresAt, client.clientId(), secret), null);
    }

    private void record(RequestLink link, Connection connection, Actor visitor, String what) {
        audit.record(
                AuditEvent.REQUEST_LINK_OAUTH_FAILED,
                visitor,
                link.connectionId(),
                link.id(),
                "Connect with Zendesk for request link " + link.id() + " (connection " + connection.name() + ") "
                        + what);
    }

    /** PKCE S256: base64url(SHA-256(verifier)), without padding (RFC 7636 4.2). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static URI withQuery(String base, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base);
        char separator = '?';
        for (Map.Entry<String, String> p : query.entrySet()) {
            url.append(separator)
                    .append(p.getKey())
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
