package io.deskbridge.sync.zendesk;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.CurrentCredential;
import io.deskbridge.sync.connection.OAuthCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The credential to call a connection's account with, kept usable: an OAuth access token that
 * expires within {@link #REFRESH_AHEAD} is refreshed first with Zendesk's refresh token grant, and
 * the new pair is stored (sealed, as the next credential version) before it is used. Refreshes of one
 * connection are serialised through its database row ({@link Connections#refreshCredential}), so
 * several threads or sync instances never spend the same single-use refresh token twice.
 */
@Component
public class ZendeskCredentials {

    /** Refresh this long before the access token expires: a page request must not outlive it. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(2);

    /**
     * The scope of client-credentials tokens. Decision: {@code read write}, what the API token they
     * replace could do (full access), and what the streams (read) and the automation rules (ticket
     * updates) need; the credential does not store a scope, so a renewal asks for this one again.
     */
    public static final String CLIENT_CREDENTIALS_SCOPE = "read write";

    private static final Logger log = LoggerFactory.getLogger(ZendeskCredentials.class);

    private final Connections connections;
    private final ZendeskHttp http;
    private final Clock clock;

    ZendeskCredentials(Connections connections, ZendeskHttp http, Clock clock) {
        this.connections = connections;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The current credential, refreshed first when it is an OAuth token about to expire and sync
     * can refresh it. Empty when the connection has none.
     *
     * @throws CredentialRefreshFailedException when a needed refresh was refused
     */
    public Optional<Credential> current(long connectionId) {
        Optional<CurrentCredential> current = connections.currentCredential(connectionId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CurrentCredential c = current.get();
        if (c.credential() instanceof OAuthCredential oauth && oauth.refreshable() && expiresSoon(oauth)) {
            return Optional.of(refresh(connectionId, c.version()));
        }
        return Optional.of(c.credential());
    }

    /**
     * After the account refused the credential: an OAuth token that sync can refresh is refreshed
     * now (Zendesk may have revoked it before its expiry); anything else is read again, in case new
     * credentials arrived meanwhile. Empty when the connection has none.
     *
     * @throws CredentialRefreshFailedException when the refresh was refused
     */
    public Optional<Credential> afterRefusal(long connectionId) {
        Optional<CurrentCredential> current = connections.currentCredential(connectionId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CurrentCredential c = current.get();
        if (c.credential() instanceof OAuthCredential oauth && oauth.refreshable()) {
            return Optional.of(refresh(connectionId, c.version()));
        }
        return Optional.of(c.credential());
    }

    private boolean expiresSoon(OAuthCredential oauth) {
        return oauth.accessTokenExpiresAt() != null
                && !Instant.now(clock).plus(REFRESH_AHEAD).isBefore(oauth.accessTokenExpiresAt());
    }

    private Credential refresh(long connectionId, int seenVersion) {
        ZendeskAddress address = connections.get(connectionId).address();
        return connections
                .refreshCredential(
                        connectionId, seenVersion, before -> exchange(connectionId, address, (OAuthCredential) before))
                .credential();
    }

    /**
     * Zendesk's refresh token grant: {@code POST /oauth/tokens}; the answer replaces both tokens. A
     * client-credentials token has no refresh token: the client asks for a new one with its secret
     * ({@code grant_type=client_credentials}, RFC 6749 4.4) and the scope the migration assistant
     * asked for ({@link #CLIENT_CREDENTIALS_SCOPE}).
     */
    private OAuthCredential exchange(long connectionId, ZendeskAddress address, OAuthCredential before) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (before.clientCredentials()) {
            body.put("grant_type", "client_credentials");
            body.put("scope", CLIENT_CREDENTIALS_SCOPE);
        } else {
            body.put("grant_type", "refresh_token");
            body.put("refresh_token", before.refreshToken());
        }
        body.put("client_id", before.clientId());
        if (before.clientSecret() != null) {
            body.put("client_secret", before.clientSecret());
        }
        ZendeskResponse response;
        try {
            response = http.send(address, null, AuthStyle.NONE, "POST", "/oauth/tokens", body);
        } catch (ZendeskUnreachableException | ZendeskCallRefusedException e) {
            throw new CredentialRefreshFailedException(
                    "Could not refresh the OAuth token of connection " + connectionId + ": " + e.getMessage(), e);
        }
        JsonNode json = response.body();
        String access = json == null ? null : text(json, "access_token");
        if (!response.ok() || access == null) {
            throw new CredentialRefreshFailedException("Zendesk refused to refresh the OAuth token of connection "
                    + connectionId + " (" + refusal(response) + "). "
                    + (before.clientCredentials()
                            ? "The OAuth client " + before.clientId() + " was deleted, its secret regenerated, or "
                                    + "the admin who created it is no longer an active admin: switch the connection "
                                    + "to a new client in the migration assistant."
                            : "The refresh token was revoked, expired or already used: authorise again and send the "
                                    + "new tokens through a credential request link."));
        }
        String refresh = text(json, "refresh_token");
        JsonNode expiresIn = json.get("expires_in");
        Instant expiresAt = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Instant.now(clock).plusSeconds(expiresIn.asLong())
                : null;
        log.info(
                "Refreshed the OAuth token of connection {}{}",
                connectionId,
                expiresAt == null ? "" : "; the new access token expires at " + expiresAt);
        // Zendesk always sends a new refresh token; a server that does not keeps the old one valid.
        return new OAuthCredential(
                access,
                refresh != null ? refresh : before.refreshToken(),
                expiresAt,
                before.clientId(),
                before.clientSecret());
    }

    /** What the refusal said, without echoing anything the server may have copied from the request. */
    private static String refusal(ZendeskResponse response) {
        JsonNode json = response.body();
        if (json != null && json.get("error") != null && json.get("error").isString()) {
            String error = json.get("error").asString();
            // OAuth error codes are short identifiers (invalid_grant); anything else is not repeated.
            if (error.matches("[a-z_]{1,40}")) {
                return "HTTP " + response.status() + " " + error;
            }
        }
        return "HTTP " + response.status();
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
