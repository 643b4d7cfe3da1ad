package io.deskbridge.desk.apitoken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.apitoken.ApiTokenRepository.HashMatch;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.LocalCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot path of every token-authenticated request: checksum, HMAC, in-process cache. The database
 * is read only on a cache miss; unknown hashes are cached too (negative cache), so a flood of random
 * well-formed tokens costs one lookup each at most once per epoch. Expiry and rotation grace are
 * compared with the clock on every call, so they take effect to the second without any invalidation.
 *
 * <p>A token found under an older pepper ({@code desk.tokens.previous-peppers}) is rehashed to the
 * current pepper on its first valid use (issue 10), so that after a pepper rotation every token in use
 * moves to the new pepper by itself and the old pepper can be retired once no row names its version.
 * The rewrite bumps the change epoch, so every instance looks the token up under its new hash.
 *
 * <p>Public, and called directly by API authentication rather than through {@link ApiTokens}: that
 * facade has transactional methods, so Spring proxies it, and every call through the proxy pays for
 * the interceptor look-up and a reflective invocation (about a tenth of a cached verification).
 *
 * <p>Counted for Prometheus: {@code desk_api_token_verifications_total{outcome}} (valid, malformed,
 * unknown, deactivated, expired, rotated_away) and {@code desk_api_token_rehashes_total}.
 */
@Component
public class TokenVerifier implements LocalCache {

    private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

    private final ApiTokenRepository repository;
    private final TokenHasher hasher;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<TokenCheck.Outcome, Counter> verifications = new EnumMap<>(TokenCheck.Outcome.class);
    private final Counter rehashes;
    /** Pepper versions, current first (fixed at start-up). */
    private final List<Integer> versions;

    private final Cache<TokenDigest, Stamped> byHash = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /**
     * A lookup result, possibly "no such token", and the epoch read before it was loaded; with the
     * answer for a valid use made once, so that a cache hit allocates nothing for it.
     */
    private record Stamped(Optional<HashMatch> match, long epoch, TokenCheck whenValid) {

        static Stamped of(Optional<HashMatch> match, long epoch) {
            return new Stamped(
                    match,
                    epoch,
                    match.map(m -> new TokenCheck(
                                    TokenCheck.Outcome.VALID,
                                    new VerifiedToken(m.id(), m.ownerId(), m.scope(), m.authenticatesAs())))
                            .orElse(null));
        }
    }

    TokenVerifier(
            ApiTokenRepository repository,
            TokenHasher hasher,
            ChangeEpoch epoch,
            Clock clock,
            TransactionTemplate transactions,
            MeterRegistry registry) {
        this.repository = repository;
        this.hasher = hasher;
        this.epoch = epoch;
        this.clock = clock;
        this.transactions = transactions;
        this.versions = hasher.versions();
        for (TokenCheck.Outcome outcome : TokenCheck.Outcome.values()) {
            verifications.put(
                    outcome,
                    Counter.builder("desk.api_tokens.verifications")
                            .description("API token verifications by outcome")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        this.rehashes = Counter.builder("desk.api_tokens.rehashes")
                .description("API tokens rehashed from an older pepper to the current one on use")
                .register(registry);
    }

    /** Checks a presented API token; see {@link ApiTokens#verify(String)}. */
    public TokenCheck verify(String presented) {
        TokenCheck check = check(presented);
        verifications.get(check.outcome()).increment();
        return check;
    }

    private TokenCheck check(String presented) {
        // The length first: a long value is never encoded or hashed.
        if (presented == null || presented.length() != TokenFormat.LENGTH) {
            return TokenCheck.MALFORMED;
        }
        byte[] ascii = presented.getBytes(StandardCharsets.US_ASCII);
        if (!TokenFormat.isWellFormedAscii(ascii)) {
            return TokenCheck.MALFORMED;
        }
        long current = epoch.current();
        TokenDigest currentDigest = null;
        for (int i = 0; i < versions.size(); i++) {
            TokenDigest digest = new TokenDigest(hasher.digest(versions.get(i), ascii));
            if (i == 0) {
                currentDigest = digest;
            }
            Stamped found = lookup(digest, current);
            if (found.match().isPresent()) {
                TokenCheck check = check(found.match().get(), found.whenValid());
                if (i > 0 && check.valid()) {
                    rehash(found.match().get(), digest, currentDigest);
                }
                return check;
            }
        }
        return TokenCheck.UNKNOWN;
    }

    /** Moves a token found under an older pepper to the current one; a failure only logs. */
    private void rehash(HashMatch match, TokenDigest old, TokenDigest now) {
        String oldHash = old.hex();
        String currentHash = now.hex();
        try {
            boolean moved = Boolean.TRUE.equals(transactions.execute(status -> {
                boolean done =
                        repository.rehash(match.id(), match.previous(), oldHash, currentHash, hasher.currentVersion())
                                == 1;
                if (done) {
                    epoch.bump();
                }
                return done;
            }));
            byHash.invalidate(old);
            byHash.invalidate(now);
            if (moved) {
                rehashes.increment();
                log.info("API token {} rehashed to pepper version {} on use", match.id(), hasher.currentVersion());
            }
        } catch (RuntimeException e) {
            log.warn("Could not rehash API token {} to the current pepper: {}", match.id(), e.getMessage());
        }
    }

    private Stamped lookup(TokenDigest digest, long current) {
        Stamped hit = byHash.getIfPresent(digest);
        if (hit != null && hit.epoch() >= current) {
            return hit;
        }
        Stamped loaded = Stamped.of(repository.findByHash(digest.hex()), current);
        byHash.put(digest, loaded);
        return loaded;
    }

    private TokenCheck check(HashMatch match, TokenCheck whenValid) {
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
        return whenValid;
    }

    /**
     * Loads a just-issued token into this instance's cache before its first use. Runs after the
     * issuing transaction commits, so the entry carries the epoch that commit produced (an entry
     * stamped earlier would be stale at once).
     */
    void prewarm(String hash) {
        Runnable load = () -> repository
                .findByHash(hash)
                .ifPresent(
                        match -> byHash.put(TokenDigest.ofHex(hash), Stamped.of(Optional.of(match), epoch.current())));
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
