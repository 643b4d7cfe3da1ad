package io.deskbridge.desk.oauth;

import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenHasher;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.oauth.OAuthTokenRepository.CodeRow;
import io.deskbridge.desk.oauth.OAuthTokenRepository.NewToken;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * desk's OAuth token service: authorization codes, the three grants of {@code POST /oauth/tokens},
 * Bearer verification, listing and revocation.
 *
 * <ul>
 *   <li>Codes live {@link #CODE_LIFETIME} (Zendesk: 120 seconds), work once, and only for the client
 *       and redirect URI they were issued for; PKCE (S256) is verified when the authorization request
 *       carried a challenge. A code presented a second time revokes every token issued for it (RFC
 *       6749 4.1.2).
 *   <li>Each refresh revokes the pair it came from and issues a new pair in the same family. A refresh
 *       token presented after it was used means it leaked (or the client lost a response): the whole
 *       family is revoked, audited ({@code oauth_token.refresh_reused}), and the client gets
 *       {@code invalid_grant}.
 *   <li>Client credentials: confidential clients only; the token runs as the admin who created the
 *       client and stops working if that user is no longer an active admin. No refresh token.
 * </ul>
 *
 * Routine issuance and refresh are not audited (an integration refreshes every half hour); grants,
 * revocations and reuse are.
 */
@Service
public class OAuthTokens {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(120);
    static final String REFRESH_PREFIX = "dskr_";
    static final String SOURCE_TYPE = "oauth_token";
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final OAuthTokenRepository repository;
    private final OAuthClients clients;
    private final OAuthPolicy policy;
    private final AccessTokenVerifier verifier;
    private final TokenHasher hasher;
    private final Users users;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final Clock clock;

    OAuthTokens(
            OAuthTokenRepository repository,
            OAuthClients clients,
            OAuthPolicy policy,
            AccessTokenVerifier verifier,
            TokenHasher hasher,
            Users users,
            AuditLog audit,
            ChangeEpoch epoch,
            Clock clock) {
        this.repository = repository;
        this.clients = clients;
        this.policy = policy;
        this.verifier = verifier;
        this.hasher = hasher;
        this.users = users;
        this.audit = audit;
        this.epoch = epoch;
        this.clock = clock;
    }

    /** Checks a Bearer value: cached, no database read when warm. Does not look at the user. */
    public AccessTokenCheck verifyAccessToken(String presented) {
        return verifier.verify(presented);
    }

    /** Issues a code for an approved authorization request; returns the code value. */
    @Transactional
    String issueCode(OAuthClient client, long userId, String redirectUri, OAuthScopes scopes, String codeChallenge) {
        String code = TokenFormat.generate("");
        repository.insertCode(
                new CodeRow(
                        hasher.hash(code),
                        client.id(),
                        userId,
                        redirectUri,
                        scopes,
                        codeChallenge,
                        now().plus(CODE_LIFETIME),
                        null,
                        null),
                now());
        return code;
    }

    /** {@code POST /oauth/tokens}: authenticates the client, then runs the grant. */
    @Transactional(noRollbackFor = OAuthException.class)
    public IssuedTokens token(TokenRequest request, String clientAddress) {
        if (request.grantType() == null || request.grantType().isBlank()) {
            throw OAuthException.invalidRequest(
                    "grant_type is missing; use authorization_code, refresh_token " + "or client_credentials");
        }
        GrantType grant = GrantType.fromWireName(request.grantType())
                .orElseThrow(() -> new OAuthException(
                        OAuthException.Code.UNSUPPORTED_GRANT_TYPE,
                        "grant_type \"" + request.grantType() + "\" is not supported; use authorization_code, "
                                + "refresh_token or client_credentials"));
        OAuthClient client = clients.authenticate(request.clientId(), request.clientSecret());
        return switch (grant) {
            case AUTHORIZATION_CODE -> exchangeCode(client, request, clientAddress);
            case REFRESH_TOKEN -> refresh(client, request, clientAddress);
            case CLIENT_CREDENTIALS -> clientCredentials(client, request);
        };
    }

    private IssuedTokens exchangeCode(OAuthClient client, TokenRequest request, String address) {
        if (request.code() == null || request.code().isBlank()) {
            throw OAuthException.invalidRequest("code is missing");
        }
        if (request.redirectUri() == null || request.redirectUri().isBlank()) {
            throw OAuthException.invalidRequest("redirect_uri is missing; send the one the authorization used");
        }
        CodeRow code = findCode(request.code())
                .orElseThrow(() -> OAuthException.invalidGrant("The authorization code is not one this desk issued"));
        if (code.clientId() != client.id()) {
            throw OAuthException.invalidGrant("The authorization code was issued to another client");
        }
        if (code.usedAt() != null) {
            revokeForReusedCode(client, code, address);
            throw OAuthException.invalidGrant(
                    "The authorization code was already used; the tokens issued for it are revoked");
        }
        if (!code.expiresAt().isAfter(now())) {
            throw OAuthException.invalidGrant(
                    "The authorization code expired; codes work for " + CODE_LIFETIME.toSeconds() + " seconds");
        }
        if (!code.redirectUri().equals(request.redirectUri())) {
            throw OAuthException.invalidGrant("redirect_uri does not match the one the authorization request used");
        }
        verifyPkce(code.codeChallenge(), request.codeVerifier());
        OAuthScopes scopes = narrowed(code.scopes(), request.scope());
        UserAccount user = users.findById(code.userId())
                .filter(UserAccount::canAuthenticate)
                .orElseThrow(() -> OAuthException.invalidGrant(
                        "The user who approved this authorization can no " + "longer sign in"));
        PolicyGrant lifetimes = lifetimes(request, true);
        if (repository.useCode(code.codeHash(), now()) != 1) {
            revokeForReusedCode(client, code, address);
            throw OAuthException.invalidGrant(
                    "The authorization code was already used; the tokens issued for it are revoked");
        }
        IssuedTokens issued = issue(
                client, user.id(), null, GrantType.AUTHORIZATION_CODE, scopes, lifetimes.access, lifetimes.refresh);
        repository.linkCodeToFamily(code.codeHash(), familyOf(issued.tokenId()));
        return issued;
    }

    private IssuedTokens refresh(OAuthClient client, TokenRequest request, String address) {
        String presented = request.refreshToken();
        if (presented == null || presented.isBlank()) {
            throw OAuthException.invalidRequest("refresh_token is missing");
        }
        OAuthToken old = findByRefresh(presented)
                .orElseThrow(() -> OAuthException.invalidGrant("The refresh token is not one this desk issued"));
        if (old.clientId() != client.id()) {
            throw OAuthException.invalidGrant("The refresh token was issued to another client");
        }
        if (old.revokedAt() != null) {
            if (OAuthRevocation.REFRESHED.equals(old.revocationReason())) {
                revokeFamilyForReuse(client, old, address);
                throw OAuthException.invalidGrant("The refresh token was already used; every token of this grant "
                        + "is now revoked. Ask the user to authorize again");
            }
            throw OAuthException.invalidGrant("The refresh token was revoked");
        }
        if (!old.refreshExpiresAt().isAfter(now())) {
            throw OAuthException.invalidGrant("The refresh token expired at " + old.refreshExpiresAt());
        }
        OAuthScopes scopes = narrowed(old.scopes(), request.scope());
        UserAccount user = users.findById(old.userId())
                .filter(UserAccount::canAuthenticate)
                .orElseThrow(() -> OAuthException.invalidGrant("The user of this grant can no longer sign in"));
        PolicyGrant lifetimes = lifetimes(request, true);
        if (repository.revoke(old.id(), OAuthRevocation.REFRESHED, now()) != 1) {
            // Another request refreshed it first: the same token used twice.
            revokeFamilyForReuse(client, old, address);
            throw OAuthException.invalidGrant("The refresh token was already used; every token of this grant is "
                    + "now revoked. Ask the user to authorize again");
        }
        epoch.bump();
        return issue(client, user.id(), old.familyId(), old.grantType(), scopes, lifetimes.access, lifetimes.refresh);
    }

    private IssuedTokens clientCredentials(OAuthClient client, TokenRequest request) {
        if (client.kind() != OAuthClientKind.CONFIDENTIAL) {
            throw new OAuthException(
                    OAuthException.Code.UNAUTHORIZED_CLIENT,
                    "client_credentials needs a confidential client; this client is public");
        }
        OAuthScopes scopes = OAuthScopes.parse(request.scope());
        UserAccount creator = users.findById(client.userId())
                .filter(u -> u.canAuthenticate() && u.role() == Role.ADMIN)
                .orElseThrow(() -> new OAuthException(
                        OAuthException.Code.UNAUTHORIZED_CLIENT,
                        "client_credentials tokens act as the admin who created the client, who is no longer an "
                                + "active admin"));
        PolicyGrant lifetimes = lifetimes(request, false);
        return issue(client, creator.id(), null, GrantType.CLIENT_CREDENTIALS, scopes, lifetimes.access, null);
    }

    private record PolicyGrant(long access, Long refresh) {}

    private PolicyGrant lifetimes(TokenRequest request, boolean withRefresh) {
        OAuthPolicy.Granted granted = policy.grant(request.expiresIn(), request.refreshTokenExpiresIn(), withRefresh);
        return new PolicyGrant(granted.access(), granted.refresh());
    }

    private IssuedTokens issue(
            OAuthClient client,
            long userId,
            Long familyId,
            GrantType grantType,
            OAuthScopes scopes,
            long accessSeconds,
            Long refreshSeconds) {
        Instant now = now();
        String access = TokenFormat.generate(AccessTokenVerifier.PREFIX);
        String refresh = refreshSeconds == null ? null : TokenFormat.generate(REFRESH_PREFIX);
        long id = repository.insert(
                new NewToken(
                        client.id(),
                        userId,
                        familyId,
                        grantType,
                        scopes,
                        hasher.hash(access),
                        hint(access),
                        now.plusSeconds(accessSeconds),
                        refresh == null ? null : hasher.hash(refresh),
                        refresh == null ? null : hint(refresh),
                        refresh == null ? null : now.plusSeconds(refreshSeconds)),
                now);
        return new IssuedTokens(id, access, accessSeconds, refresh, refreshSeconds, scopes);
    }

    /** Scopes asked for on exchange or refresh: at most those granted (RFC 6749 6); none asked: all. */
    private static OAuthScopes narrowed(OAuthScopes granted, String requested) {
        if (requested == null || requested.isBlank()) {
            return granted;
        }
        OAuthScopes asked = OAuthScopes.parse(requested);
        if (!granted.includesAll(asked)) {
            throw OAuthException.invalidScope(
                    "scope \"" + asked.wire() + "\" asks for more than was granted (\"" + granted.wire() + "\")");
        }
        return asked;
    }

    static void verifyPkce(String challenge, String verifier) {
        if (challenge == null) {
            return;
        }
        if (verifier == null || verifier.isBlank()) {
            throw OAuthException.invalidGrant("code_verifier is missing; this authorization used PKCE");
        }
        if (!VERIFIER.matcher(verifier).matches()) {
            throw OAuthException.invalidGrant(
                    "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~' (RFC 7636)");
        }
        if (!MessageDigest.isEqual(
                s256(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge of the authorization");
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private void revokeForReusedCode(OAuthClient client, CodeRow code, String address) {
        if (code.tokenFamilyId() == null) {
            return;
        }
        int revoked = repository.revokeFamily(code.tokenFamilyId(), OAuthRevocation.CODE_REUSED, now());
        audit.record(
                clientActor(client, address),
                AuditAction.UPDATE,
                "oauth_token.code_reused",
                SOURCE_TYPE,
                code.tokenFamilyId(),
                client.name(),
                "An authorization code of OAuth client " + client.identifier() + " was presented again; revoked "
                        + revoked + " token(s) issued for it");
        epoch.bump();
    }

    private void revokeFamilyForReuse(OAuthClient client, OAuthToken used, String address) {
        int revoked = repository.revokeFamily(used.familyId(), OAuthRevocation.REFRESH_REUSED, now());
        audit.record(
                clientActor(client, address),
                AuditAction.UPDATE,
                "oauth_token.refresh_reused",
                SOURCE_TYPE,
                used.id(),
                client.name(),
                "Refresh token of OAuth token " + used.id() + " (client " + client.identifier() + ", user "
                        + used.userId() + ") was used again after it had been used; revoked " + revoked
                        + " token(s) of its family " + used.familyId());
        epoch.bump();
    }

    private static Actor clientActor(OAuthClient client, String address) {
        return new Actor(null, "OAuth client " + client.identifier(), address);
    }

    /** Live tokens of one user (or of everyone when {@code userId} is null), optionally of one client. */
    public List<OAuthToken> list(Long userId, Long clientId) {
        return repository.findLive(userId, clientId, now());
    }

    public Optional<OAuthToken> get(long id) {
        return repository.findById(id);
    }

    /** The token a Bearer value belongs to, if it is valid now. */
    public Optional<OAuthToken> current(String presentedAccessToken) {
        AccessTokenCheck check = verifier.verify(presentedAccessToken);
        return check.valid() ? repository.findById(check.token().tokenId()) : Optional.empty();
    }

    /** Revokes a token (access and refresh) on every instance; false when it was revoked already. */
    @Transactional
    public boolean revoke(Actor actor, long id) {
        OAuthToken token = repository.findById(id).orElseThrow();
        if (repository.revoke(id, OAuthRevocation.REVOKED, now()) != 1) {
            return false;
        }
        audit.record(
                actor,
                AuditAction.DESTROY,
                "oauth_token.revoked",
                SOURCE_TYPE,
                id,
                "OAuth token " + token.accessHint() + "…",
                "Revoked OAuth token " + id + " of user " + token.userId() + " (client " + token.clientId() + ")");
        epoch.bump();
        return true;
    }

    /**
     * Stops an access or refresh token reported leaked (issue 14) with every token of its family (a
     * leaked refresh token could already have been used to mint the newer ones), on every instance
     * within one epoch poll; audited. Empty when no token has this value. Revoked and expired tokens
     * still match: the report is answered as a true positive, and nothing more happens to them.
     */
    @Transactional
    public Optional<OAuthToken> revokeLeaked(Actor actor, String value, String foundAt) {
        Optional<OAuthToken> token = TokenFormat.isWellFormed(value, AccessTokenVerifier.PREFIX)
                ? findByAccess(value)
                : findByRefresh(value);
        token.ifPresent(t -> {
            int revoked = repository.revokeFamily(t.familyId(), OAuthRevocation.LEAKED, now());
            audit.record(
                    actor,
                    AuditAction.UPDATE,
                    "oauth_token.leaked",
                    SOURCE_TYPE,
                    t.id(),
                    "OAuth token " + t.accessHint() + "…",
                    "OAuth token " + t.id() + " of user " + t.userId() + " (client " + t.clientId()
                            + ") was reported leaked (found at " + foundAt + "); revoked " + revoked
                            + " token(s) of its family " + t.familyId());
            epoch.bump();
        });
        return token;
    }

    private Optional<OAuthToken> findByAccess(String access) {
        for (String hash : hasher.candidateHashes(access)) {
            Optional<OAuthToken> row = repository.findByAccessHash(hash);
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    /**
     * Removes authorization codes expired a day ago, and token rows a week past the end of their last
     * use: the access token expired and the refresh token (if any) too. Until then a row stays for the
     * token list and for reuse detection (a revoked refresh token presented again revokes its family);
     * after it, a presented refresh token is refused as unknown instead of as expired, with the same
     * {@code invalid_grant}. Without this every refresh left a row behind for good (48 a day for a
     * client refreshing every 30 minutes).
     */
    @Scheduled(fixedDelayString = "${desk.tokens.lifecycle-sweep-interval}")
    @Transactional
    public void sweep() {
        repository.deleteCodesExpiredBefore(now().minus(Duration.ofDays(1)));
        repository.deleteTokensUnusableBefore(now().minus(DEAD_TOKEN_RETENTION));
    }

    static final Duration DEAD_TOKEN_RETENTION = Duration.ofDays(7);

    private Optional<CodeRow> findCode(String code) {
        if (!TokenFormat.isWellFormed(code, "")) {
            return Optional.empty();
        }
        for (String hash : hasher.candidateHashes(code)) {
            Optional<CodeRow> row = repository.findCode(hash);
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private Optional<OAuthToken> findByRefresh(String refresh) {
        if (!TokenFormat.isWellFormed(refresh, REFRESH_PREFIX)) {
            return Optional.empty();
        }
        for (String hash : hasher.candidateHashes(refresh)) {
            Optional<OAuthToken> row = repository.findByRefreshHash(hash);
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private long familyOf(long tokenId) {
        return repository.findById(tokenId).orElseThrow().familyId();
    }

    /** What the token list shows: the value's first 10 characters, as Zendesk does. */
    static String hint(String value) {
        return value.substring(0, 10);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
