package io.deskbridge.desk.user;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' identities ({@code /users/{id}/identities}, the {@code identities} sideload). The primary
 * email identity and {@code users.email} are one fact kept in two places: {@link Users} calls
 * {@link #syncPrimaryEmail} in the transaction that sets a user's email, and a change of the primary
 * email made here (make_primary, a new value) goes through {@link Users#update} so that the email's
 * own rules (format, uniqueness, sign-in caches, search) apply once. Every identity change moves the
 * user's {@code updated_at}, so the incremental user export (and its {@code identities} sideload, which
 * Airbyte's user_identities stream reads) carries the user again.
 */
@Service
public class UserIdentities {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_VALUE = 320;

    private final UserIdentityRepository repository;
    private final UserRepository users;
    private final Clock clock;

    UserIdentities(UserIdentityRepository repository, UserRepository users, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserIdentity> ofUser(long userId) {
        requireUser(userId);
        return repository.ofUser(userId);
    }

    /** The identities of these users, for the {@code include=identities} sideload. */
    @Transactional(readOnly = true)
    public List<UserIdentity> ofUsers(Collection<Long> userIds) {
        return repository.ofUsers(userIds);
    }

    @Transactional(readOnly = true)
    public UserIdentity get(long userId, long id) {
        requireUser(userId);
        return repository.find(userId, id).orElseThrow(() -> notFound(userId, id));
    }

    /**
     * A new identity; primary when the user has none of that type yet. The caller makes it primary
     * afterwards when asked to ({@code "primary": true}).
     */
    @Transactional
    public UserIdentity create(long userId, IdentityType type, String value, boolean verified) {
        requireUser(userId);
        String clean = checkedValue(type, value);
        requireUnused(type, clean, userId, -1);
        boolean primary = repository.primary(userId, type).isEmpty();
        long id = repository.insert(userId, type, clean, verified, primary, now());
        users.touch(userId, now());
        return repository.find(userId, id).orElseThrow();
    }

    /** A new value (not of the primary email: see the class comment) and/or verified flag. */
    @Transactional
    public UserIdentity update(long userId, long id, Optional<String> value, Optional<Boolean> verified) {
        UserIdentity current = get(userId, id);
        String clean = value.map(v -> checkedValue(current.type(), v)).orElse(current.value());
        if (!UserIdentityRepository.normalize(clean).equals(UserIdentityRepository.normalize(current.value()))) {
            requireUnused(current.type(), clean, userId, id);
        }
        boolean newVerified = verified.orElse(current.verified());
        if (!clean.equals(current.value()) || newVerified != current.verified()) {
            repository.update(id, clean, newVerified, now());
            users.touch(userId, now());
        }
        return repository.find(userId, id).orElseThrow();
    }

    /** Makes an identity the primary one of its type (for email, see the class comment). */
    @Transactional
    public List<UserIdentity> makePrimary(long userId, long id) {
        UserIdentity identity = get(userId, id);
        repository.makePrimary(userId, identity.type(), id, now());
        users.touch(userId, now());
        return repository.ofUser(userId);
    }

    @Transactional
    public UserIdentity verify(long userId, long id) {
        return update(userId, id, Optional.empty(), Optional.of(true));
    }

    /**
     * Decision: the primary email identity is the user's email (their sign-in name), so it is not
     * deleted while it is primary — make another email identity primary first. Other identities go;
     * when a primary one of another type goes, the oldest remaining one of that type takes its place.
     */
    @Transactional
    public void delete(long userId, long id) {
        UserIdentity identity = get(userId, id);
        if (identity.primary() && identity.type() == IdentityType.EMAIL) {
            throw new RecordInvalidException(
                    "base",
                    "InvalidValue",
                    "The primary email identity " + identity.value()
                            + " is the user's email and cannot be deleted; make another email identity primary first");
        }
        repository.delete(id);
        users.touch(userId, now());
        if (identity.primary()) {
            repository.ofUser(userId).stream()
                    .filter(i -> i.type() == identity.type())
                    .findFirst()
                    .ifPresent(next -> repository.makePrimary(userId, next.type(), next.id(), now()));
        }
    }

    /**
     * Called by {@link Users} whenever it stores a user's email: the email identity with that value
     * becomes (or stays) primary; else the primary email identity takes the new value; else one is
     * created. A value another user already holds as an identity is refused as Zendesk does.
     */
    @Transactional
    void syncPrimaryEmail(long userId, String email, boolean verified) {
        if (email == null || email.isBlank()) {
            return;
        }
        Optional<UserIdentity> holder = repository.findByValue(IdentityType.EMAIL, email);
        if (holder.isPresent() && holder.get().userId() != userId) {
            throw duplicate(email);
        }
        Instant now = now();
        if (holder.isPresent()) {
            if (!holder.get().primary()) {
                repository.makePrimary(userId, IdentityType.EMAIL, holder.get().id(), now);
            }
            return;
        }
        Optional<UserIdentity> primary = repository.primary(userId, IdentityType.EMAIL);
        if (primary.isPresent()) {
            repository.update(primary.get().id(), email, primary.get().verified(), now);
        } else {
            repository.insert(userId, IdentityType.EMAIL, email, verified, true, now);
        }
    }

    private String checkedValue(IdentityType type, String value) {
        if (value == null || value.isBlank()) {
            throw Input.blank("value");
        }
        String clean = value.trim();
        if (clean.length() > MAX_VALUE) {
            throw Input.invalid("value", "is longer than " + MAX_VALUE + " characters");
        }
        if ((type == IdentityType.EMAIL || type == IdentityType.GOOGLE)
                && !EMAIL.matcher(clean).matches()) {
            throw Input.invalid("value", clean + " is not a valid email address");
        }
        return clean;
    }

    /** No other identity of this type has the value, and no other user has it as their email. */
    private void requireUnused(IdentityType type, String value, long userId, long exceptId) {
        Optional<UserIdentity> holder = repository.findByValue(type, value);
        if (holder.isPresent() && holder.get().id() != exceptId) {
            throw duplicate(value);
        }
        if (type == IdentityType.EMAIL) {
            users.findByEmail(value).filter(u -> u.id() != userId).ifPresent(u -> {
                throw duplicate(value);
            });
        }
    }

    private static RecordInvalidException duplicate(String value) {
        return new RecordInvalidException(
                "value", "DuplicateValue", "Value: " + value + " is already being used by another user");
    }

    private void requireUser(long userId) {
        if (users.findById(userId).isEmpty()) {
            throw UserNotFoundException.forId(userId);
        }
    }

    private static RecordNotFoundException notFound(long userId, long id) {
        return new RecordNotFoundException("No identity " + id + " of user " + userId);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
