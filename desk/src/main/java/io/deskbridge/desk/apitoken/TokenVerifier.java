package io.deskbridge.desk.apitoken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.apitoken.ApiTokenRepository.HashMatch;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.LocalCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hot path of every token-authenticated request: checksum, HMAC, in-process cache. The database
 * is read only on a cache miss; unknown hashes are cached too (negative cache), so a flood of random
 * well-formed tokens costs one lookup each at most once per epoch. Expiry and rotation grace are
 * compared with the clock on every call, so they take effect to the second without any invalidation.
 */
@Component
class TokenVerifier implements LocalCache {

    private final ApiTokenRepository repository;
    private final TokenHasher hasher;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final Cache<String, Stamped> byHash = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /** A lookup result, possibly "no such token", and the epoch read before it was loaded. */
    private record Stamped(Optional<HashMatch> match, long epoch) {}

    TokenVerifier(ApiTokenRepository repository, TokenHasher hasher, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.epoch = epoch;
        this.clock = clock;
    }

    TokenCheck verify(String presented) {
        if (!TokenFormat.isWellFormed(presented)) {
            return TokenCheck.MALFORMED;
        }
        long current = epoch.current();
        for (String hash : hasher.candidateHashes(presented)) {
            Optional<HashMatch> match = lookup(hash, current);
            if (match.isPresent()) {
                return check(match.get());
            }
        }
        return TokenCheck.UNKNOWN;
    }

    private Optional<HashMatch> lookup(String hash, long current) {
        Stamped hit = byHash.getIfPresent(hash);
        if (hit != null && hit.epoch() >= current) {
            return hit.match();
        }
        Optional<HashMatch> loaded = repository.findByHash(hash);
        byHash.put(hash, new Stamped(loaded, current));
        return loaded;
    }

    private TokenCheck check(HashMatch match) {
        Instant now = clock.instant();
        if (!match.active()) {
            return TokenCheck.failed(TokenCheck.Outcome.DEACTIVATED);
        }
        if (match.expiresAt() != null && !match.expiresAt().isAfter(now)) {
            return TokenCheck.failed(TokenCheck.Outcome.EXPIRED);
        }
        if (match.previous()
                && (match.previousValidUntil() == null
                        || !match.previousValidUntil().isAfter(now))) {
            return TokenCheck.failed(TokenCheck.Outcome.ROTATED_AWAY);
        }
        return new TokenCheck(
                TokenCheck.Outcome.VALID,
                new VerifiedToken(match.id(), match.ownerId(), match.scope(), match.authenticatesAs()));
    }

    /**
     * Loads a just-issued token into this instance's cache before its first use. Runs after the
     * issuing transaction commits, so the entry carries the epoch that commit produced (an entry
     * stamped earlier would be stale at once).
     */
    void prewarm(String hash) {
        Runnable load = () -> repository
                .findByHash(hash)
                .ifPresent(match -> byHash.put(hash, new Stamped(Optional.of(match), epoch.current())));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            load.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                load.run();
            }
        });
    }

    @Override
    public void invalidateAll() {
        byHash.invalidateAll();
    }
}
