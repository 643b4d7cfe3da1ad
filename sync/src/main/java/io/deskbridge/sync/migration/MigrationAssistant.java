package io.deskbridge.sync.migration;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.automation.Rules;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.AuthType;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.ConnectionNotFoundException;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.CurrentCredential;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.diagnostics.Check;
import io.deskbridge.sync.diagnostics.CheckKey;
import io.deskbridge.sync.diagnostics.CheckStatus;
import io.deskbridge.sync.diagnostics.CredentialTrial;
import io.deskbridge.sync.diagnostics.Diagnostics;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.ZendeskCallRefusedException;
import io.deskbridge.sync.zendesk.ZendeskCredentials;
import io.deskbridge.sync.zendesk.ZendeskHttp;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import io.deskbridge.sync.zendesk.ZendeskUnreachableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token → OAuth migration assistant: the risk of every connection that still uses an API token,
 * and the switch to a tested OAuth credential between two pages of a running sync (see the package
 * documentation for the decisions). Secrets go to the account only, never to a log, an audit entry
 * or an answer.
 */
@Service
public class MigrationAssistant {

    private static final Logger log = LoggerFactory.getLogger(MigrationAssistant.class);

    /** Checks the new credential must pass: the account accepts it as a real, active admin who reaches every stream. */
    private static final List<CheckKey> REQUIRED =
            List.of(CheckKey.AUTHENTICATION, CheckKey.IDENTITY, CheckKey.USER, CheckKey.STREAMS);

    /** Rule actions that only call the operator's endpoint; every other action updates the ticket. */
    private static final Set<String> NON_WRITING_ACTIONS = Set.of("notify");

    private final Connections connections;
    private final Diagnostics diagnostics;
    private final Rules rules;
    private final ZendeskHttp http;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MigrationAssistant(
            Connections connections,
            Diagnostics diagnostics,
            Rules rules,
            ZendeskHttp http,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.connections = connections;
        this.diagnostics = diagnostics;
        this.rules = rules;
        this.http = http;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Every connection that uses an API token, nearest deadline first. Decision: the list asks no
     * account anything (the retirement date is known offline); the token's last use and expiry are read
     * from the account's token list only on one connection's page ({@link #risk}). A list that called
     * every account on every view spent their rate limits, and a revoked token's failed calls count
     * against the account's failed-authentication budget (the shared test desk refused 127.0.0.1 for a
     * minute after a burst of such views).
     */
    public List<MigrationRisk> risks() {
        Instant now = Instant.now(clock);
        return connections.list().stream()
                .filter(c -> c.authType() == AuthType.API_TOKEN)
                .map(c -> Risks.assess(
                        c, TokenStanding.unknown("open the connection's migration page to read them"), now))
                .sorted((a, b) -> Long.compare(
                        a.daysLeft() == null ? Long.MAX_VALUE : a.daysLeft(),
                        b.daysLeft() == null ? Long.MAX_VALUE : b.daysLeft()))
                .toList();
    }

    /**
     * One token connection's risk.
     *
     * @throws ConnectionNotFoundException when there is no such connection
     * @throws NotATokenConnectionException when it does not use an API token
     */
    public MigrationRisk risk(long connectionId) {
        Connection connection = connections.get(connectionId);
        if (connection.authType() != AuthType.API_TOKEN) {
            throw notATokenConnection(connection);
        }
        return riskOf(connection);
    }

    /**
     * Tests {@code request}'s OAuth credential against the connection's account and, when it passes,
     * makes it the connection's credential in place of the API token it was tested against. A running
     * sync carries on: its next page goes out with the new credential, from the same cursor.
     *
     * @throws ConnectionNotFoundException when there is no such connection
     * @throws NotATokenConnectionException when it does not use an API token
     * @throws MigrationRefusedException when the credential cannot be had or fails the test, or the
     *     connection's credential changed meanwhile; the connection is unchanged
     */
    public MigrationOutcome switchToOAuth(long connectionId, OAuthSwitch request, Actor actor) {
        Connection connection = connections.get(connectionId);
        CurrentCredential current = connections.currentCredential(connectionId).orElse(null);
        if (current == null || !(current.credential() instanceof ApiTokenCredential token)) {
            throw notATokenConnection(connection);
        }
        try {
            return switchTested(connection, current.version(), token, request, actor);
        } catch (MigrationRefusedException e) {
            audit.record(
                    AuditEvent.MIGRATION_REFUSED,
                    actor,
                    connectionId,
                    null,
                    "Refused to switch the connection " + connection.name() + " to the OAuth client "
                            + describeClient(request) + ": " + e.getMessage());
            log.info("Refused to switch connection {} to OAuth: {}", connectionId, e.getMessage());
            throw e;
        }
    }

    private MigrationOutcome switchTested(
            Connection connection, int version, ApiTokenCredential token, OAuthSwitch request, Actor actor) {
        long id = connection.id();
        Granted granted = obtain(connection, request);
        CredentialTrial trial = diagnostics.trial(id, granted.credential());
        List<Check> failed = REQUIRED.stream()
                .map(key -> trial.report().check(key))
                .filter(c ->
                        c.status() != CheckStatus.PASS && !(c.key() == CheckKey.USER && c.status() == CheckStatus.WARN))
                .toList();
        if (!failed.isEmpty()) {
            throw new MigrationRefusedException(
                    "CredentialFailedTest",
                    "The new OAuth credential did not pass the test against " + connection.address() + ": "
                            + String.join(
                                    " ",
                                    failed.stream()
                                            .map(c -> c.title() + " — "
                                                    + c.status().wireName() + ": " + c.observed()
                                                    + (c.fix() == null ? "" : " Fix: " + c.fix()))
                                            .toList()));
        }
        requireWriteScopeForRules(id, granted.scope());
        // Read before the switch, while the token still works: which token to delete afterwards.
        TokenStanding standing = standing(connection.address(), token);
        String tokenUrl = AdminCenter.of(connection.address()).apiTokenUrl(standing.id());
        String sameUser = trial.userEmail() != null
                        && trial.userEmail().equalsIgnoreCase(token.email().strip())
                ? "the same user as the token (" + trial.userEmail() + ")"
                : trial.userEmail() + " (an admin; the token acted as " + token.email() + ")";
        Connection switched = transactions.execute(status -> {
            Connection after = connections
                    .switchCredential(
                            id,
                            version,
                            granted.credential(),
                            new CredentialSource("the migration assistant", null),
                            actor)
                    .orElseThrow(() -> new MigrationRefusedException(
                            "CredentialChanged",
                            "The connection's credential changed while the new one was tested (it was version "
                                    + version + "): test and switch again."));
            audit.record(
                    AuditEvent.MIGRATED_TO_OAUTH,
                    actor,
                    id,
                    null,
                    "Switched the connection " + connection.name() + " from its API token to the OAuth client "
                            + describeClient(request) + " after the test passed; authenticated as " + sameUser
                            + "; now credential version " + after.credentialVersion()
                            + ". Delete the old API token: " + tokenUrl);
            return after;
        });
        log.info(
                "Switched connection {} to OAuth (credential version {}); the engine's next page uses it",
                id,
                switched.credentialVersion());
        OAuthCredential oauth = granted.credential();
        return new MigrationOutcome(
                id,
                switched.credentialVersion(),
                sameUser,
                oauth.accessTokenExpiresAt(),
                oauth.clientCredentials() ? "client_credentials" : oauth.refreshable() ? "refresh_token" : "none",
                "The connection now uses OAuth. Delete the old API token"
                        + (standing.id() == null ? "" : " (token " + standing.id() + ")") + " in "
                        + AdminCenter.of(connection.address()).apiTokensPath() + ": " + tokenUrl
                        + " — nothing uses it any more, and a forgotten token is a leak waiting to happen.",
                tokenUrl);
    }

    /** The credential and the scope the account granted (null when unknown: tokens given as they are). */
    private record Granted(OAuthCredential credential, String scope) {}

    private Granted obtain(Connection connection, OAuthSwitch request) {
        if (request == null) {
            throw new MigrationRefusedException(
                    "BlankValue", "Send {\"oauth\": {\"client_id\": .., \"client_secret\": ..}} (or an access_token).");
        }
        if (request.givesTokens()) {
            Instant expiresAt = request.expiresIn() != null && request.expiresIn() > 0
                    ? Instant.now(clock).plusSeconds(request.expiresIn())
                    : null;
            return new Granted(
                    new OAuthCredential(
                            request.accessToken().strip(),
                            blankToNull(request.refreshToken()),
                            expiresAt,
                            blankToNull(request.clientId()),
                            blankToNull(request.clientSecret())),
                    null);
        }
        if (blank(request.clientId()) || blank(request.clientSecret())) {
            throw new MigrationRefusedException(
                    "BlankValue",
                    "Client id and client secret are both needed (or an access token obtained otherwise): "
                            + (blank(request.clientId()) ? "client_id" : "client_secret") + " is blank.");
        }
        String clientId = request.clientId().strip();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("grant_type", "client_credentials");
        body.put("client_id", clientId);
        body.put("client_secret", request.clientSecret().strip());
        body.put("scope", ZendeskCredentials.CLIENT_CREDENTIALS_SCOPE);
        ZendeskResponse response;
        try {
            response = http.send(connection.address(), null, AuthStyle.NONE, "POST", "/oauth/tokens", body);
        } catch (ZendeskUnreachableException | ZendeskCallRefusedException e) {
            throw new MigrationRefusedException(
                    "Unreachable", "Could not ask " + connection.address() + " for a token: " + e.getMessage());
        }
        JsonNode json = response.body();
        String access = text(json, "access_token");
        if (!response.ok() || access == null) {
            throw new MigrationRefusedException(
                    "ClientRefused",
                    "The account at " + connection.address() + " refused the OAuth client \"" + clientId + "\" ("
                            + refusal(response) + "): the identifier or the secret is wrong, the client is public, "
                            + "or it belongs to another account. Create a confidential client in this account ("
                            + AdminCenter.of(connection.address()).oauthClientsUrl()
                            + ") and copy its secret when it is shown.");
        }
        JsonNode expiresIn = json.get("expires_in");
        Instant expiresAt = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Instant.now(clock).plusSeconds(expiresIn.asLong())
                : null;
        return new Granted(
                new OAuthCredential(
                        access,
                        text(json, "refresh_token"),
                        expiresAt,
                        clientId,
                        request.clientSecret().strip()),
                text(json, "scope"));
    }

    /** Rules that update tickets need a scope that writes them; the streams' reads were probed. */
    private void requireWriteScopeForRules(long connectionId, String scope) {
        if (scope == null) {
            return;
        }
        List<String> scopes = List.of(scope.trim().split("[ ]+"));
        if (scopes.contains("write") || scopes.contains("tickets:write")) {
            return;
        }
        List<String> writing = rules.list(connectionId).stream()
                .filter(r -> r.active() && r.actions().stream().anyMatch(a -> !NON_WRITING_ACTIONS.contains(a.field())))
                .map(r -> "\"" + r.title() + "\"")
                .toList();
        if (!writing.isEmpty()) {
            throw new MigrationRefusedException(
                    "InsufficientScope",
                    "The account granted the scope \"" + scope + "\", but the active rules "
                            + String.join(", ", writing) + " update tickets: they need write or tickets:write.");
        }
    }

    private MigrationRisk riskOf(Connection connection) {
        TokenStanding standing;
        try {
            standing = connections
                    .credential(connection.id())
                    .filter(ApiTokenCredential.class::isInstance)
                    .map(c -> standing(connection.address(), (ApiTokenCredential) c))
                    .orElse(TokenStanding.unknown("the connection has no API token stored"));
        } catch (RuntimeException e) {
            standing = TokenStanding.unknown("its credential could not be read (" + e.getMessage() + ")");
        }
        return Risks.assess(connection, standing, Instant.now(clock));
    }

    /** The token as the account's token list shows it; unknown when the list is not served. */
    private TokenStanding standing(ZendeskAddress address, ApiTokenCredential token) {
        ZendeskResponse list;
        try {
            list = http.send(address, token, AuthStyle.NATURAL, "GET", "/api/v2/api_tokens.json", null);
        } catch (ZendeskUnreachableException | ZendeskCallRefusedException e) {
            return TokenStanding.unknown("the account did not answer (" + e.getMessage() + ")");
        }
        if (!list.ok() || list.body() == null) {
            return TokenStanding.unknown("the account does not list its tokens (HTTP " + list.status() + ")");
        }
        return TokenStanding.match(list.body().path("api_tokens"), token.token());
    }

    private static NotATokenConnectionException notATokenConnection(Connection connection) {
        return new NotATokenConnectionException("Connection " + connection.id() + " \"" + connection.name() + "\" "
                + (connection.authType() == null
                        ? "has no credential yet: send one through a request link."
                        : "already uses " + connection.authType().wireName()
                                + ": there is no API token to migrate from."));
    }

    private static String describeClient(OAuthSwitch request) {
        if (request == null || blank(request.clientId())) {
            return request != null && request.givesTokens() ? "(tokens given, client unknown)" : "(none given)";
        }
        return "\"" + request.clientId().strip() + "\"";
    }

    /** What the refusal said: the status and an OAuth error code, nothing the server may have echoed. */
    private static String refusal(ZendeskResponse response) {
        String error = text(response.body(), "error");
        return "HTTP " + response.status() + (error != null && error.matches("[a-z_]{1,40}") ? " " + error : "");
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
