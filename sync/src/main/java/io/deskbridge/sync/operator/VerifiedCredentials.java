package io.deskbridge.sync.operator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Email and password pairs that passed the bcrypt check recently, so that an API client sending
 * HTTP Basic on every call pays one bcrypt per {@code sync.sign-in.verified-credentials-cache}, not one
 * per call (measured in BENCHMARKS.md, "sync: operator HTTP Basic").
 *
 * <p>Decision (issue 10): a short cache rather than operator API tokens. Tokens would need a table,
 * pages, CLI options and a rotation story; the cache changes nothing for clients and the CLI. What it
 * keeps: never the password, only HMAC-SHA256 of email and password under a random key that lives in
 * this process's memory only (made at start, never stored), mapped to the operator's id and the
 * password hash it was checked against. A hit is trusted only while that operator's stored hash is
 * still the same (one indexed read, far cheaper than bcrypt), so a new password (reset command,
 * change-password page, another instance) ends cached sign-ins at once, across instances. What it
 * costs: someone who can read this process's memory can test guesses at HMAC speed instead of
 * bcrypt speed for the pairs cached at that moment; such a reader could also read passwords from
 * requests in flight, so the cache adds little. Entries expire after the configured time from when
 * they were verified, then bcrypt checks again.
 */
final class VerifiedCredentials {

    /** What a verified pair signed in as, and the stored hash the password matched. */
    record Verified(long operatorId, String email, String passwordHash) {

        @Override
        public String toString() {
            return "Verified[operatorId=" + operatorId + ", email=" + email + "]";
        }
    }

    private final SecretKeySpec key;
    private final Cache<String, Verified> cache;

    VerifiedCredentials(Duration lifetime, Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.cache = lifetime.isZero()
                ? null
                : Caffeine.newBuilder()
                        // sync's clock, so tests move time instead of waiting for entries to expire.
                        .ticker(() -> {
                            Instant now = clock.instant();
                            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                        })
                        .maximumSize(1_000)
                        .expireAfterWrite(lifetime)
                        .build();
    }

    Optional<Verified> find(String email, String password) {
        return cache == null ? Optional.empty() : Optional.ofNullable(cache.getIfPresent(keyOf(email, password)));
    }

    void remember(String email, String password, Verified verified) {
        if (cache != null) {
            cache.put(keyOf(email, password), verified);
        }
    }

    void forget(String email, String password) {
        if (cache != null) {
            cache.invalidate(keyOf(email, password));
        }
    }

    /** After a password change in this process; other processes notice the changed hash on their next hit. */
    void forgetAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    private String keyOf(String email, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            // A separator that cannot occur in either part's UTF-8, so ("a", "bc") and ("ab", "c") differ.
            mac.update((byte) 0xFF);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
