package io.deskbridge.desk.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.deskbridge.common.security.PasswordPolicy;
import io.deskbridge.desk.api.AccountFieldValues;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.LocalCache;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.search.SearchIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the account. Lookups by email that authentication makes on every API request are served
 * from an in-process cache that every instance drops when any user changes (see {@link ChangeEpoch}).
 */
@Service
public class Users implements LocalCache {

    static final String SEARCH_TYPE = "user";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final SearchIndex index;
    private final Organizations organizations;
    private final AuditLog audit;
    private final UserIdentities identities;
    private final AccountFieldValues fieldValues;
    private final ApplicationEventPublisher publisher;
    /** A real hash of a random string, so unknown emails cost as much to check as known ones. */
    private final String dummyHash;

    private final Cache<String, Stamped> byEmail = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    private final Cache<Long, Stamped> byId = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    /** A cached lookup result (possibly "no such user") and the epoch it was loaded under. */
    private record Stamped(Optional<UserAccount> user, long epoch) {}

    Users(
            UserRepository repository,
            PasswordEncoder passwordEncoder,
            ChangeEpoch epoch,
            Clock clock,
            SearchIndex index,
            Organizations organizations,
            AuditLog audit,
            UserIdentities identities,
            AccountFieldValues fieldValues,
            ApplicationEventPublisher publisher) {
        this.audit = audit;
        this.publisher = publisher;
        this.identities = identities;
        this.fieldValues = fieldValues;
        this.repository = repository;
        this.index = index;
        this.organizations = organizations;
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

    /**
     * The user with this id, from cache when fresh: what every Admin Center request checks its session
     * against. Every user change bumps the {@link ChangeEpoch} in its transaction, so this instance
     * sees it on commit and every other instance within one epoch poll.
     */
    public Optional<UserAccount> findByIdCached(long id) {
        long now = epoch.current();
        Stamped hit = byId.getIfPresent(id);
        if (hit != null && hit.epoch() >= now) {
            return hit.user();
        }
        Optional<UserAccount> loaded = repository.findById(id);
        byId.put(id, new Stamped(loaded, now));
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

    /** A user with a password (the account owner, tests); API-created users have none. */
    @Transactional
    public UserAccount create(String name, String email, Role role, String rawPassword) {
        UserAccount created = create(
                new UserChanges(
                        Optional.of(name),
                        Optional.ofNullable(email),
                        Optional.of(role),
                        Optional.empty(),
                        Optional.of(true),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                rawPassword == null ? null : passwordEncoder.encode(rawPassword));
        return created;
    }

    /** The account owner: an admin with a password, protected from deletion, suspension and demotion. */
    @Transactional
    public UserAccount createOwner(String name, String email, String rawPassword) {
        UserAccount owner = create(name, email, Role.ADMIN, rawPassword);
        repository.markOwner(owner.id());
        return owner;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> accountOwner() {
        return repository.ownerId().flatMap(repository::findById);
    }

    /**
     * Recovery of a lost owner: a new password, and the owner active, unsuspended and admin again.
     * Audited; the password never is. Every instance drops its cached view of the owner.
     */
    @Transactional
    public OwnerReset resetOwnerPassword(Actor actor, String rawPassword) {
        UserAccount before = accountOwner()
                .orElseThrow(() -> new IllegalStateException(
                        "This database has no account owner: desk has never started on it. Give the command the same"
                                + " database settings as desk (DESK_DATA_DIR or SPRING_DATASOURCE_URL)"));
        repository.resetOwner(before.id(), passwordEncoder.encode(rawPassword), now());
        repository.endSessions(before.id());
        OwnerReset reset = new OwnerReset(before.email(), !before.canAuthenticate(), before.role() != Role.ADMIN);
        audit.record(
                actor,
                AuditAction.UPDATE,
                "account_owner.password_reset",
                "user",
                before.id(),
                before.email(),
                reset.describe());
        epoch.bump();
        return reset;
    }

    static final String WRONG_CURRENT_PASSWORD = "The current password is wrong.";

    /**
     * A signed-in user's own password change (Admin Center): the current password must match and the
     * new one meet {@link PasswordPolicy}. Every session of the user ends, this one too (the user signs
     * in again with the new password): a session someone else holds must not outlive the change.
     * Audited; the password never is.
     *
     * @return the rule broken, in words for the user; empty when the password was changed
     */
    @Transactional
    public Optional<String> changePassword(long userId, String current, String next, Actor actor) {
        Optional<UserAccount> user = repository.findById(userId);
        String hash = user.flatMap(u -> repository.passwordHash(u.id())).orElse(null);
        if (hash == null || !passwordEncoder.matches(current == null ? "" : current, hash)) {
            return Optional.of(WRONG_CURRENT_PASSWORD);
        }
        Optional<String> problem = PasswordPolicy.problemWith(next, user.get().email());
        if (problem.isPresent()) {
            return problem;
        }
        repository.updatePassword(userId, passwordEncoder.encode(next), now());
        repository.endSessions(userId);
        audit.record(
                actor,
                AuditAction.UPDATE,
                "user.password_changed",
                "user",
                userId,
                user.get().email(),
                "Changed their own password in the Admin Center; every session of the user ended");
        epoch.bump();
        return Optional.empty();
    }

    /** Whether a wrong current password made {@link #changePassword} refuse (a failed authentication). */
    public static boolean isWrongCurrentPassword(Optional<String> problem) {
        return problem.filter(WRONG_CURRENT_PASSWORD::equals).isPresent();
    }

    /** Creates a user from API input: a name is required, an email must be unused. */
    @Transactional
    public UserAccount create(UserChanges changes) {
        return create(changes, null);
    }

    private UserAccount create(UserChanges changes, String passwordHash) {
        Instant now = now();
        UserAccount applied = apply(
                new UserAccount(
                        0,
                        "",
                        null,
                        Role.END_USER,
                        true,
                        false,
                        false,
                        "UTC",
                        "en-US",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        Map.of(),
                        now,
                        now,
                        null,
                        0),
                changes);
        // Zendesk adds a new user to the organization whose domain_names list the email's domain.
        UserAccount draft =
                applied.organizationId() == null && changes.organizationId().isEmpty()
                        ? organizations
                                .findByEmailDomain(applied.email())
                                .map(o -> applied.withOrganizationId(o.id()))
                                .orElse(applied)
                        : applied;
        validate(draft, -1);
        long id = repository.insert(draft, passwordHash, now);
        UserAccount saved = repository.findById(id).orElseThrow();
        if (saved.organizationId() != null) {
            publisher.publishEvent(new UserOrganizationAssigned(id, null, saved.organizationId()));
        }
        identities.syncPrimaryEmail(id, saved.email(), saved.verified());
        index.replace(SEARCH_TYPE, id, searchText(saved));
        epoch.bump();
        return saved;
    }

    @Transactional
    public UserAccount update(long id, UserChanges changes) {
        UserAccount current = repository.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
        UserAccount updated = apply(current, changes);
        if (repository.isOwner(id)) {
            protectOwner(current, updated);
        }
        validate(updated, id);
        repository.update(updated, now());
        if (updated.email() != null && !updated.email().equalsIgnoreCase(Objects.toString(current.email(), ""))) {
            identities.syncPrimaryEmail(id, updated.email(), updated.verified());
        }
        if ((updated.suspended() && !current.suspended()) || updated.role() != current.role()) {
            repository.endSessions(id);
        }
        UserAccount saved = repository.findById(id).orElseThrow();
        if (saved.organizationId() != null && !saved.organizationId().equals(current.organizationId())) {
            publisher.publishEvent(new UserOrganizationAssigned(id, current.organizationId(), saved.organizationId()));
        }
        index.replace(SEARCH_TYPE, id, searchText(saved));
        epoch.bump();
        return saved;
    }

    /**
     * Sets users' {@code organization_id} to their default membership's organization after
     * organizationmembership/ changed memberships, in the caller's transaction; every instance drops
     * its cached users, as for any user update. Publishes no {@link UserOrganizationAssigned}: the
     * memberships are already what they should be.
     */
    @Transactional
    public void applyDefaultOrganizations(Collection<DefaultOrganization> defaults) {
        if (defaults.isEmpty()) {
            return;
        }
        Instant now = now();
        defaults.forEach(d -> repository.updateOrganization(d.userId(), d.organizationId(), now));
        epoch.bump();
    }

    /** Zendesk's DELETE: the user stays, inactive, and can no longer sign in or call the API. */
    @Transactional
    public UserAccount delete(long id) {
        UserAccount current = repository.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
        if (repository.isOwner(id)) {
            throw AccountOwnerProtectedException.delete(current);
        }
        repository.updateFlags(id, false, current.suspended(), now());
        repository.endSessions(id);
        epoch.bump();
        return repository.findById(id).orElseThrow();
    }

    /** The user with this email, or a new end user with it (ticket requesters). */
    @Transactional
    public UserAccount findOrCreateEndUser(String name, String email) {
        return repository
                .findByEmail(email)
                .orElseGet(() -> create(UserChanges.nameAndEmail(
                        name == null || name.isBlank() ? email.substring(0, Math.max(1, email.indexOf('@'))) : name,
                        email)));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByExternalId(String externalId) {
        return repository.findByExternalId(externalId);
    }

    /** The active, unsuspended agents and admins by name (who may take a ticket), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<UserAccount> staff(int limit) {
        return repository.staff(limit);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> findAll(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> page(UserFilter filter, PageQuery page) {
        return repository.page(filter, page);
    }

    /** Users in export order after the (updated_at, id) position, never newer than {@code max}. */
    @Transactional(readOnly = true)
    public List<UserAccount> exportAfter(Instant afterUpdated, long afterId, Instant max, int limit) {
        return repository.exportAfter(afterUpdated, afterId, max, limit);
    }

    @Transactional(readOnly = true)
    public long count(UserFilter filter) {
        return repository.count(filter);
    }

    /** Nobody, the owner included, takes the owner's admin role or suspends it: see V6__account_owner. */
    private static void protectOwner(UserAccount current, UserAccount updated) {
        if (updated.role() != Role.ADMIN) {
            throw AccountOwnerProtectedException.demote(current, updated.role());
        }
        if (updated.suspended()) {
            throw AccountOwnerProtectedException.suspend(current);
        }
    }

    private void validate(UserAccount user, long id) {
        if (user.name() == null || user.name().isBlank()) {
            throw Input.blank("name");
        }
        if (user.email() != null) {
            if (!EMAIL.matcher(user.email()).matches()) {
                throw Input.invalid("email", user.email() + " is not a valid email address");
            }
            Optional<UserAccount> holder = repository.findByEmail(user.email());
            if (holder.isPresent() && holder.get().id() != id) {
                throw new RecordInvalidException(
                        "email", "DuplicateValue", "Email: " + user.email() + " is already being used by another user");
            }
        }
        if (user.organizationId() != null
                && organizations.find(user.organizationId()).isEmpty()) {
            throw Input.invalid("organization_id", "there is no organization " + user.organizationId());
        }
    }

    private UserAccount apply(UserAccount u, UserChanges c) {
        return new UserAccount(
                u.id(),
                c.name().map(String::strip).orElse(u.name()),
                c.email().map(String::strip).filter(e -> !e.isEmpty()).orElse(u.email()),
                c.role().orElse(u.role()),
                u.active(),
                c.suspended().orElse(u.suspended()),
                c.verified().orElse(u.verified()),
                c.timeZone().orElse(u.timeZone()),
                c.locale().orElse(u.locale()),
                c.organizationId().orElse(u.organizationId()),
                c.externalId().orElse(u.externalId()),
                c.phone().orElse(u.phone()),
                c.details().orElse(u.details()),
                c.notes().orElse(u.notes()),
                c.tags().orElse(u.tags()),
                c.userFields()
                        .map(v -> fieldValues.check(AccountFieldValues.Owner.USER, v))
                        .orElse(u.userFields()),
                u.createdAt(),
                u.updatedAt(),
                u.lastLoginAt(),
                u.sessionGeneration());
    }

    static String searchText(UserAccount u) {
        return String.join(
                " ",
                u.name(),
                Objects.toString(u.email(), ""),
                Objects.toString(u.externalId(), ""),
                Objects.toString(u.phone(), ""),
                Objects.toString(u.details(), ""),
                Objects.toString(u.notes(), ""),
                String.join(" ", u.tags()));
    }

    /** Deactivates (active=false) or suspends a user; both stop API access on every instance. */
    @Transactional
    public void setFlags(long id, boolean active, boolean suspended) {
        UserAccount current = repository.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
        if (repository.isOwner(id)) {
            if (!active) {
                throw AccountOwnerProtectedException.delete(current);
            }
            if (suspended) {
                throw AccountOwnerProtectedException.suspend(current);
            }
        }
        repository.updateFlags(id, active, suspended, now());
        if ((!active && current.active()) || (suspended && !current.suspended())) {
            repository.endSessions(id);
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
        byId.invalidateAll();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
