package io.deskbridge.desk.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.LocalCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the account. Lookups by email that authentication makes on every API request are served
 * from an in-process cache that every instance drops when any user changes (see {@link ChangeEpoch}).
 */
@Service
public class Users implements LocalCache {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ChangeEpoch epoch;
    private final Clock clock;
    /** A real hash of a random string, so unknown emails cost as much to check as known ones. */
    private final String dummyHash;

    private final Cache<String, Stamped> byEmail = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /** A cached lookup result (possibly "no such user") and the epoch it was loaded under. */
    private record Stamped(Optional<UserAccount> user, long epoch) {}

    Users(UserRepository repository, PasswordEncoder passwordEncoder, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.epoch = epoch;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findById(long id) {
        return repository.findById(id);
    }

    /** The user with this email, from cache when fresh; case-insensitive. */
    public Optional<UserAccount> findByEmailCached(String email) {
        String key = UserRepository.normalize(email);
        long now = epoch.current();
        Stamped hit = byEmail.getIfPresent(key);
        if (hit != null && hit.epoch() >= now) {
            return hit.user();
        }
        Optional<UserAccount> loaded = repository.findByEmail(key);
        byEmail.put(key, new Stamped(loaded, now));
        return loaded;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByEmail(String email) {
        return repository.findByEmail(email);
    }

    /**
     * Checks a password in time that does not depend on whether the user exists. Returns the user
     * only when the password matches and the user may authenticate.
     */
    @Transactional(readOnly = true)
    public Optional<UserAccount> authenticate(String email, String rawPassword) {
        Optional<UserAccount> user = repository.findByEmail(email);
        String hash = user.flatMap(u -> repository.passwordHash(u.id())).orElse(null);
        boolean matches = passwordEncoder.matches(rawPassword, hash != null ? hash : dummyHash);
        return hash != null && matches ? user.filter(UserAccount::canAuthenticate) : Optional.empty();
    }

    @Transactional
    public UserAccount create(String name, String email, Role role, String rawPassword) {
        Instant now = now();
        String hash = rawPassword == null ? null : passwordEncoder.encode(rawPassword);
        long id = repository.insert(name, email, role, hash, now);
        epoch.bump();
        return repository.findById(id).orElseThrow();
    }

    /** Deactivates (active=false) or suspends a user; both stop API access on every instance. */
    @Transactional
    public void setFlags(long id, boolean active, boolean suspended) {
        if (repository.updateFlags(id, active, suspended, now()) == 0) {
            throw UserNotFoundException.forId(id);
        }
        epoch.bump();
    }

    @Transactional
    public void recordLogin(long id) {
        repository.recordLogin(id, now());
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    @Override
    public void invalidateAll() {
        byEmail.invalidateAll();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
