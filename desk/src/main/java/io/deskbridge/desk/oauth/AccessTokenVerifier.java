package io.deskbridge.desk.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.apitoken.TokenDigest;
import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenHasher;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.LocalCache;
import io.deskbridge.desk.oauth.AccessTokenCheck.Outcome;
import io.deskbridge.desk.oauth.AccessTokenCheck.VerifiedAccessToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The hot path of every Bearer request, built like API-token verification: format and checksum
 * first (no lookup), HMAC, then an in-process cache stamped with the cluster {@link ChangeEpoch}
 * (unknown hashes cached too). Revocation bumps the epoch, so every instance drops the entry within
 * one poll; expiry is compared with the clock on every call.
 *
 * <p>Keyed by the raw HMAC ({@link TokenDigest}), the {@code VALID} answer made once per entry, and
 * called by API authentication directly rather than through the transactional {@link OAuthTokens}
 * proxy, like {@link io.deskbridge.desk.apitoken.TokenVerifier} (issue 14 asks Bearer verification to
 * stay within 1.2× of API-token verification).
 */
@Component
public class AccessTokenVerifier implements LocalCache {

    static final String PREFIX = "dsko_";
    private static final int LENGTH = TokenFormat.generate(PREFIX).length();

    private final OAuthTokenRepository repository;
    private final TokenHasher hasher;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final List<Integer> versions;
    private final Cache<TokenDigest, Stamped> byHash = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /** A lookup result (possibly "no such token"), the epoch read before it, and the answer for a valid use. */
    private record Stamped(Optional<OAuthToken> token, long epoch, AccessTokenCheck whenValid) {

        static Stamped of(Optional<OAuthToken> token, long epoch) {
            return new Stamped(
                    token,
                    epoch,
                    token.map(t -> new AccessTokenCheck(
                                    Outcome.VALID,
                                    new VerifiedAccessToken(
                                            t.id(), t.clientId(), t.userId(), t.grantType(), t.scopes())))
                            .orElse(null));
        }
    }

    AccessTokenVerifier(OAuthTokenRepository repository, TokenHasher hasher, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.epoch = epoch;
        this.clock = clock;
        this.versions = hasher.versions();
    }

    /** Checks a presented Bearer access token. */
    public AccessTokenCheck verify(String presented) {
        // The length first: a long value is never encoded or hashed.
        if (presented == null || presented.length() != LENGTH) {
            return AccessTokenCheck.failed(Outcome.MALFORMED);
        }
        byte[] ascii = presented.getBytes(StandardCharsets.US_ASCII);
        if (!TokenFormat.isWellFormedAscii(ascii, PREFIX)) {
            return AccessTokenCheck.failed(Outcome.MALFORMED);
        }
        long current = epoch.current();
        for (int version : versions) {
            Stamped found = lookup(new TokenDigest(hasher.digest(version, ascii)), current);
            if (found.token().isPresent()) {
                return check(found.token().get(), found.whenValid());
            }
        }
        return AccessTokenCheck.failed(Outcome.UNKNOWN);
    }

    private Stamped lookup(TokenDigest digest, long current) {
        Stamped hit = byHash.getIfPresent(digest);
        if (hit != null && hit.epoch() >= current) {
            return hit;
        }
        Stamped loaded = Stamped.of(repository.findByAccessHash(digest.hex()), current);
        byHash.put(digest, loaded);
        return loaded;
    }

    private AccessTokenCheck check(OAuthToken token, AccessTokenCheck whenValid) {
        if (token.revokedAt() != null) {
            return AccessTokenCheck.failed(Outcome.REVOKED);
        }
        if (!token.accessExpiresAt().isAfter(clock.instant())) {
            return AccessTokenCheck.failed(Outcome.EXPIRED);
        }
        return whenValid;
    }

    @Override
    public void invalidateAll() {
        byHash.invalidateAll();
    }
}
