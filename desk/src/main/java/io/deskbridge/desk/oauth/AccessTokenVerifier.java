package io.deskbridge.desk.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenHasher;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.LocalCache;
import io.deskbridge.desk.oauth.AccessTokenCheck.Outcome;
import io.deskbridge.desk.oauth.AccessTokenCheck.VerifiedAccessToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The hot path of every Bearer request, built like API-token verification: format and checksum
 * first (no lookup), HMAC, then an in-process cache stamped with the cluster {@link ChangeEpoch}
 * (unknown hashes cached too). Revocation bumps the epoch, so every instance drops the entry within
 * one poll; expiry is compared with the clock on every call.
 */
@Component
class AccessTokenVerifier implements LocalCache {

    static final String PREFIX = "dsko_";

    private final OAuthTokenRepository repository;
    private final TokenHasher hasher;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final Cache<String, Stamped> byHash = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    private record Stamped(Optional<OAuthToken> token, long epoch) {}

    AccessTokenVerifier(OAuthTokenRepository repository, TokenHasher hasher, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.epoch = epoch;
        this.clock = clock;
    }

    AccessTokenCheck verify(String presented) {
        if (!TokenFormat.isWellFormed(presented, PREFIX)) {
            return AccessTokenCheck.failed(Outcome.MALFORMED);
        }
        long current = epoch.current();
        for (String hash : hasher.candidateHashes(presented)) {
            Optional<OAuthToken> token = lookup(hash, current);
            if (token.isPresent()) {
                return check(token.get());
            }
        }
        return AccessTokenCheck.failed(Outcome.UNKNOWN);
    }

    private Optional<OAuthToken> lookup(String hash, long current) {
        Stamped hit = byHash.getIfPresent(hash);
        if (hit != null && hit.epoch() >= current) {
            return hit.token();
        }
        Optional<OAuthToken> loaded = repository.findByAccessHash(hash);
        byHash.put(hash, new Stamped(loaded, current));
        return loaded;
    }

    private AccessTokenCheck check(OAuthToken token) {
        if (token.revokedAt() != null) {
            return AccessTokenCheck.failed(Outcome.REVOKED);
        }
        if (!token.accessExpiresAt().isAfter(clock.instant())) {
            return AccessTokenCheck.failed(Outcome.EXPIRED);
        }
        return new AccessTokenCheck(
                Outcome.VALID,
                new VerifiedAccessToken(
                        token.id(), token.clientId(), token.userId(), token.grantType(), token.scopes()));
    }

    @Override
    public void invalidateAll() {
        byHash.invalidateAll();
    }
}
