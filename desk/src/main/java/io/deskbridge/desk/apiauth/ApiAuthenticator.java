package io.deskbridge.desk.apiauth;

import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessSettings;
import io.deskbridge.desk.apitoken.ApiTokens;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenCheck;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.apitoken.TokenVerifier;
import io.deskbridge.desk.apitoken.VerifiedToken;
import io.deskbridge.desk.oauth.AccessTokenCheck;
import io.deskbridge.desk.oauth.AccessTokenCheck.VerifiedAccessToken;
import io.deskbridge.desk.oauth.AccessTokenVerifier;
import io.deskbridge.desk.oauth.GrantType;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Turns an {@code Authorization} header into a principal, Zendesk's way: {@code Basic
 * base64(email/token:TOKEN)} when token access is on, {@code Basic base64(email:password)} when
 * password access is on. The request runs as the user named by the email, who must be active; a
 * token bound to its owner refuses every other email. A token's owner must be active too (a deleted
 * or suspended user's tokens stop at once, including {@code any_user} ones that would otherwise run
 * as someone else), and an {@code any_user} token works only while its owner is still an admin:
 * acting as any user is an admin's power, and it goes with the role. No step touches the database
 * when caches are warm, except password checks (which Zendesk itself discourages).
 *
 * <p>{@code Bearer} access tokens issued by desk's OAuth server run as the user who approved them
 * (client credentials: the admin who created the client, while still an active admin); the user must
 * be active. The API-token access switch does not apply to them: OAuth is the successor of tokens.
 */
@Service
public class ApiAuthenticator {

    private static final String TOKEN_SUFFIX = "/token";

    private final ApiAccessPolicy policy;
    private final ApiTokens tokens;
    /** Called directly: {@link ApiTokens} is a transactional proxy (see {@link TokenVerifier}). */
    private final TokenVerifier tokenVerifier;

    private final Users users;
    /** Called directly, like {@link TokenVerifier}: {@code OAuthTokens} is a transactional proxy. */
    private final AccessTokenVerifier bearerVerifier;

    ApiAuthenticator(
            ApiAccessPolicy policy,
            ApiTokens tokens,
            TokenVerifier tokenVerifier,
            Users users,
            AccessTokenVerifier bearerVerifier) {
        this.policy = policy;
        this.tokens = tokens;
        this.tokenVerifier = tokenVerifier;
        this.users = users;
        this.bearerVerifier = bearerVerifier;
    }

    /**
     * The email named by {@code Basic} credentials ({@code email/token:…} or {@code email:…}), for the
     * per-account throttle; null for any other header or one that does not decode.
     */
    public static String emailOf(String header) {
        if (header == null || !startsWithIgnoreCase(header, "Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String login = decoded.substring(0, colon);
        return login.endsWith(TOKEN_SUFFIX) ? login.substring(0, login.length() - TOKEN_SUFFIX.length()) : login;
    }

    /** The kind of credential an {@code Authorization} header carries, for the metrics. */
    public static AuthenticationMetrics.Kind kindOf(String header) {
        if (startsWithIgnoreCase(header, "Bearer ")) {
            return AuthenticationMetrics.Kind.OAUTH_TOKEN;
        }
        if (!startsWithIgnoreCase(header, "Basic ")) {
            return AuthenticationMetrics.Kind.UNSUPPORTED;
        }
        String email = emailOf(header);
        if (email == null) {
            return AuthenticationMetrics.Kind.UNSUPPORTED;
        }
        String decoded =
                new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':')).endsWith(TOKEN_SUFFIX)
                ? AuthenticationMetrics.Kind.API_TOKEN
                : AuthenticationMetrics.Kind.PASSWORD;
    }

    public ApiAuthentication authenticate(String header, String clientAddress) {
        if (startsWithIgnoreCase(header, "Bearer ")) {
            return byBearer(header.substring(7).trim());
        }
        if (!startsWithIgnoreCase(header, "Basic ")) {
            return ApiAuthentication.failed("unsupported Authorization scheme");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ApiAuthentication.failed("Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return ApiAuthentication.failed("Basic credentials have no ':'");
        }
        String login = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        ApiAccessSettings settings = policy.current();
        return login.endsWith(TOKEN_SUFFIX)
                ? byToken(login.substring(0, login.length() - TOKEN_SUFFIX.length()), secret, settings, clientAddress)
                : byPassword(login, secret, settings);
    }

    private ApiAuthentication byToken(String email, String token, ApiAccessSettings settings, String address) {
        if (!settings.tokenAccess()) {
            return ApiAuthentication.failed("API token access is turned off");
        }
        TokenCheck check = tokenVerifier.verify(token);
        if (!check.valid()) {
            return ApiAuthentication.failed("token " + check.outcome().name().toLowerCase());
        }
        VerifiedToken verified = check.token();
        Optional<UserAccount> owner = users.findByIdCached(verified.ownerId());
        if (owner.isEmpty() || !owner.get().canAuthenticate()) {
            return ApiAuthentication.failed("the owner of token " + verified.tokenId() + " is deleted or suspended");
        }
        if (verified.authenticatesAs() == AuthenticatesAs.ANY_USER
                && owner.get().role() != Role.ADMIN) {
            return ApiAuthentication.failed(
                    "token " + verified.tokenId() + " authenticates as any user but its owner is no longer an admin");
        }
        Optional<UserAccount> user = users.findByEmailCached(email);
        if (user.isEmpty() || !user.get().canAuthenticate()) {
            return ApiAuthentication.failed("no active user with the email given with token " + verified.tokenId());
        }
        if (verified.authenticatesAs() == AuthenticatesAs.OWNER_ONLY
                && user.get().id() != verified.ownerId()) {
            return ApiAuthentication.failed(
                    "token " + verified.tokenId() + " is bound to its owner; another email was given");
        }
        tokens.recordUse(verified.tokenId(), address);
        return ApiAuthentication.success(
                DeskPrincipal.of(user.get(), DeskPrincipal.Via.API_TOKEN, verified.tokenId()),
                verified.scope() == TokenScope.READ_ONLY);
    }

    private ApiAuthentication byBearer(String value) {
        AccessTokenCheck check = bearerVerifier.verify(value);
        if (!check.valid()) {
            return ApiAuthentication.failedBearer(
                    "OAuth access token " + check.outcome().name().toLowerCase());
        }
        VerifiedAccessToken token = check.token();
        Optional<UserAccount> user = users.findByIdCached(token.userId());
        if (user.isEmpty() || !user.get().canAuthenticate()) {
            return ApiAuthentication.failedBearer(
                    "the user of OAuth token " + token.tokenId() + " is deleted or suspended");
        }
        if (token.grantType() == GrantType.CLIENT_CREDENTIALS && user.get().role() != Role.ADMIN) {
            return ApiAuthentication.failedBearer("OAuth token " + token.tokenId()
                    + " comes from client credentials and the client's creator is no longer an admin");
        }
        return ApiAuthentication.successBearer(
                DeskPrincipal.of(user.get(), DeskPrincipal.Via.OAUTH_TOKEN, null), token.scopes());
    }

    private ApiAuthentication byPassword(String email, String password, ApiAccessSettings settings) {
        if (!settings.passwordAccess()) {
            return ApiAuthentication.failed("API password access is turned off");
        }
        return users.authenticate(email, password)
                .map(u -> ApiAuthentication.success(DeskPrincipal.of(u, DeskPrincipal.Via.PASSWORD, null), false))
                .orElseGet(() -> ApiAuthentication.failed("wrong email or password"));
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
